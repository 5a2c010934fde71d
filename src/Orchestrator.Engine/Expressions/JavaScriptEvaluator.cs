using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Acornima.Ast;
using Jint;
using Jint.Runtime;
using JintEngine = Jint.Engine;

namespace Orchestrator.Engine;

/// <summary>Evaluates JavaScript on Jint in a sandbox. Parsed scripts are cached and engines are pooled, because
/// creating a locked-down engine per evaluation (about 70 µs, more than the rest of a short workflow) would dominate
/// the cost of a short workflow. A pooled engine carries nothing from one evaluation to the next: built-ins are frozen,
/// global bindings read-only, added globals removed, and scripts that declare globals get an engine of their own.</summary>
internal sealed class JavaScriptEvaluator(JavaScriptLimits limits)
{
    const int MaxPooledEngines = 16;
    readonly ConcurrentDictionary<string, CompiledScript> scripts = new(StringComparer.Ordinal);
    // A locked stack rather than a ConcurrentBag: the bag's Count locks every thread's list, and an instance resumed on
    // another pool thread steals from the first one's list; both showed as lock contention in the simulation's profile.
    readonly Stack<JavaScriptSandbox> pool = new();

    sealed record CompiledScript(Prepared<Script> Prepared, ScriptEffects Effects, DirectScript? Direct);

    /// <summary>Parses a script once. As in Elsa, a script may <c>return</c> its value at the top level. Regular
    /// expression literals get <paramref name="regexTimeout"/> as their match timeout.</summary>
    public static Prepared<Script> Prepare(string script, TimeSpan? regexTimeout = null)
    {
        try
        {
            return JintEngine.PrepareScript(script, options: new ScriptPreparationOptions
            {
                ParsingOptions = new ScriptParsingOptions { AllowReturnOutsideFunction = true, RegexTimeout = regexTimeout ?? TimeSpan.FromSeconds(2) },
            });
        }
        catch (Exception ex) when (ex is not ExpressionException)
        {
            throw new ExpressionException($"JavaScript syntax error: {ex.Message}", ex);
        }
    }

    public JsonNode? Evaluate(string script, IExpressionScope scope)
    {
        var compiled = scripts.GetOrAdd(script, s =>
        {
            var prepared = Prepare(s, limits.TimeoutInterval);
            return prepared.Program is { } program
                ? new CompiledScript(prepared, ScriptEffects.Of(program), DirectScript.Of(program))
                : new CompiledScript(prepared, new ScriptEffects(true, true, []), null);
        });
        if (compiled.Direct is { } direct)
        {
            scope.CancellationToken.ThrowIfCancellationRequested();
            if (direct.TryRead(scope, out var value))
                return value;
        }
        // Global declarations cannot be taken back from an engine, so such a script runs on one that is then dropped.
        var reusable = !compiled.Effects.DeclaresGlobals;
        var sandbox = reusable && TryTake(out var pooled) ? pooled : new JavaScriptSandbox(limits);
        try
        {
            scope.CancellationToken.ThrowIfCancellationRequested();
            sandbox.Scope = scope;
            sandbox.Constraint.CancellationToken = scope.CancellationToken;
            if (compiled.Effects.Accessors.Count > 0) sandbox.DefineAccessors(compiled.Effects.Accessors);
            var result = sandbox.Engine.Evaluate(compiled.Prepared);
            return sandbox.ToJson(result, 0);
        }
        catch (Exception ex) when (LimitName(ex) is { } limit)
        {
            // An engine interrupted by a limit is not trusted again.
            reusable = false;
            throw new ExpressionException($"JavaScript の実行が制限を超えました: {limit}", ex);
        }
        catch (JavaScriptException ex)
        {
            throw new ExpressionException($"JavaScript error: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is ExpressionException or OperationCanceledException)
        {
            reusable &= ex is ExpressionException;
            throw;
        }
        catch (Exception ex)
        {
            reusable = false;
            throw new ExpressionException($"JavaScript error: {ex.Message}", ex);
        }
        finally
        {
            sandbox.Scope = null;
            sandbox.Constraint.CancellationToken = default;
            if (reusable && compiled.Effects.TouchesGlobal) reusable = sandbox.RemoveAddedGlobals();
            if (reusable) Return(sandbox);
        }
    }

    bool TryTake(out JavaScriptSandbox sandbox)
    {
        lock (pool) return pool.TryPop(out sandbox!);
    }

    void Return(JavaScriptSandbox sandbox)
    {
        lock (pool)
            if (pool.Count < MaxPooledEngines) pool.Push(sandbox);
    }

    string? LimitName(Exception ex) => ex switch
    {
        ScriptLimitException l => l.Limit,
        StatementsCountOverflowException => $"statements limit {limits.MaxStatements}",
        MemoryLimitExceededException => $"memory limit {limits.MemoryLimitBytes} bytes",
        RecursionDepthOverflowException => $"recursion limit {limits.MaxRecursionDepth}",
        RegexMatchTimeoutException => $"time limit {limits.TimeoutInterval.TotalMilliseconds} ms (regular expression)",
        _ => null,
    };
}
