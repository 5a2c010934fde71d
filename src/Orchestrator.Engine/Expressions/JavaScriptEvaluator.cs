using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Acornima.Ast;
using Jint;
using Jint.Constraints;
using JintEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace Orchestrator.Engine;

/// <summary>Evaluates JavaScript on Jint in a sandbox. Parsed scripts are cached and engines are pooled, because
/// creating an engine per instance would dominate the cost of a short workflow.</summary>
internal sealed class JavaScriptEvaluator(JavaScriptLimits limits)
{
    const int MaxPooledEngines = 16;
    readonly ConcurrentDictionary<string, CompiledScript> _scripts = new(StringComparer.Ordinal);

    sealed record CompiledScript(Prepared<Script> Prepared, bool DeclaresGlobals);

    static bool DeclaresGlobals(Script program) =>
        program.Body.Any(s => s is VariableDeclaration or FunctionDeclaration or ClassDeclaration);
    readonly ConcurrentBag<SandboxEngine> _pool = [];

    public static Prepared<Script> Prepare(string script)
    {
        try
        {
            return JintEngine.PrepareScript(script);
        }
        catch (Exception ex) when (ex is not ExpressionException)
        {
            throw new ExpressionException($"JavaScript syntax error: {ex.Message}", ex);
        }
    }

    public JsonNode? Evaluate(string script, IExpressionScope scope)
    {
        var compiled = _scripts.GetOrAdd(script, s =>
        {
            var prepared = Prepare(s);
            return new CompiledScript(prepared, prepared.Program is not { } program || DeclaresGlobals(program));
        });
        // A script with top-level declarations would leave them behind in a pooled engine (and a second `let`
        // of the same name would fail), so it gets an engine of its own.
        var sandbox = !compiled.DeclaresGlobals && _pool.TryTake(out var pooled) ? pooled : new SandboxEngine(limits);
        var reusable = !compiled.DeclaresGlobals;
        var prepared = compiled.Prepared;
        try
        {
            sandbox.Scope = scope;
            var result = sandbox.Engine.Evaluate(prepared);
            return sandbox.ToJson(result, 0);
        }
        catch (Exception ex) when (LimitName(ex) is { } limit)
        {
            // An engine interrupted by a limit is not trusted again.
            reusable = false;
            throw new ExpressionException($"JavaScript の実行が制限を超えました: {limit} ({ex.Message})", ex);
        }
        catch (JavaScriptException ex)
        {
            throw new ExpressionException($"JavaScript error: {ex.Message}", ex);
        }
        catch (ExpressionException)
        {
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
            if (reusable && _pool.Count < MaxPooledEngines) _pool.Add(sandbox);
        }
    }

    string? LimitName(Exception ex) => ex switch
    {
        StatementsCountOverflowException => $"statements limit {limits.MaxStatements}",
        MemoryLimitExceededException => $"memory limit {limits.MemoryLimitBytes} bytes",
        RecursionDepthOverflowException => $"recursion limit {limits.MaxRecursionDepth}",
        TimeoutException => $"time limit {limits.TimeoutInterval.TotalMilliseconds} ms",
        _ => null,
    };

    /// <summary>One Jint engine with the helper functions bound to whichever instance is being evaluated.</summary>
    sealed class SandboxEngine
    {
        public readonly JintEngine Engine;
        public IExpressionScope? Scope;

        public SandboxEngine(JavaScriptLimits limits)
        {
            Engine = new JintEngine(o =>
            {
                o.LimitRecursion(limits.MaxRecursionDepth);
                o.MaxStatements(limits.MaxStatements);
                o.LimitMemory(limits.MemoryLimitBytes);
                o.Constraint(new DeadlineConstraint(limits.TimeoutInterval));
                o.Interop.Enabled = false; // no CLR access from scripts
                // Strict mode: assigning an undeclared name throws instead of creating a global that would
                // outlive this evaluation in a pooled engine.
                o.Strict = true;
            });
            Define("getVariable", 1, args => Scope!.TryGetVariable(Arg(args, 0), out var v) ? ToJs(v) : JsValue.Undefined);
            Define("setVariable", 2, args =>
            {
                Scope!.SetVariable(Arg(args, 0), ToJson(args.Length > 1 ? args[1] : JsValue.Undefined, 0));
                return JsValue.Undefined;
            });
            Define("hasVariable", 1, args => Scope!.TryGetVariable(Arg(args, 0), out _) ? JsBoolean.True : JsBoolean.False);
            Define("variableNames", 0, _ => new JsArray(Engine, Scope!.Variables.Keys.Select(k => (JsValue)new JsString(k)).ToArray()));
            Define("getInput", 1, args => Scope!.Input.TryGetPropertyValue(Arg(args, 0), out var v) ? ToJs(v) : JsValue.Undefined);
            Define("getOutputFrom", 2, args => ToJs(Scope!.GetOutputFrom(Arg(args, 0), args.Length > 1 && !args[1].IsNull() && !args[1].IsUndefined() ? args[1].ToString() : null)));
            Define("getWorkflowInstanceId", 0, _ => new JsString(Scope!.InstanceId));
            Define("getCorrelationId", 0, _ => Scope!.CorrelationId is { } c ? new JsString(c) : JsValue.Null);
            // The set-up script below must not eat into (or exceed) the statement budget of user scripts.
            var statements = Engine.Constraints.Find<MaxStatementsConstraint>();
            if (statements is not null) statements.MaxStatements = int.MaxValue;
            // variables.x reads and writes instance variables through the helpers above.
            Engine.Execute("""
                var variables = new Proxy({}, {
                  get: function (t, k) { return typeof k === 'string' ? getVariable(k) : undefined; },
                  set: function (t, k, v) { setVariable(k, v); return true; },
                  has: function (t, k) { return hasVariable(k); },
                  ownKeys: function () { return variableNames(); },
                  getOwnPropertyDescriptor: function (t, k) {
                    return hasVariable(k) ? { value: getVariable(k), enumerable: true, configurable: true, writable: true } : undefined;
                  }
                });
                // Pooled engines serve many instances: scripts must not replace the helpers or the built-ins.
                (function (g) {
                  ['getVariable', 'setVariable', 'hasVariable', 'variableNames', 'getInput', 'getOutputFrom',
                   'getWorkflowInstanceId', 'getCorrelationId', 'variables'].forEach(function (n) {
                    Object.defineProperty(g, n, { writable: false, configurable: false });
                  });
                  [Object, Array, String, Number, Boolean, Function, Date, RegExp, Math, JSON, Promise, Map, Set, Error].forEach(function (c) {
                    Object.freeze(c);
                    if (c.prototype) Object.freeze(c.prototype);
                  });
                })(globalThis);
                """);
            if (statements is not null) statements.MaxStatements = limits.MaxStatements;
        }

        void Define(string name, int length, Func<JsValue[], JsValue> body) =>
            Engine.SetValue(name, new ClrFunction(Engine, name, (_, args) => body(args), length));

        static string Arg(JsValue[] args, int i) => args.Length > i ? args[i].ToString() : "";

        public JsValue ToJs(JsonNode? node)
        {
            switch (node)
            {
                case null:
                    return JsValue.Null;
                case JsonValue v:
                    return v.GetValueKind() switch
                    {
                        JsonValueKind.String => new JsString(v.GetValue<string>()),
                        JsonValueKind.Number => JsonValues.TryGetNumber(v, out var d) ? new JsNumber(d) : JsValue.Undefined,
                        JsonValueKind.True => JsBoolean.True,
                        JsonValueKind.False => JsBoolean.False,
                        _ => JsValue.Null,
                    };
                case JsonArray a:
                    var items = new JsValue[a.Count];
                    for (var i = 0; i < a.Count; i++) items[i] = ToJs(a[i]);
                    return new JsArray(Engine, items);
                case JsonObject o:
                    var obj = new JsObject(Engine);
                    foreach (var (k, v) in o) obj.FastSetDataProperty(k, ToJs(v));
                    return obj;
                default:
                    return JsValue.Undefined;
            }
        }

        public JsonNode? ToJson(JsValue value, int depth)
        {
            if (depth > 64) throw new ExpressionException("JavaScript value is nested too deeply to store.");
            if (value.IsNull() || value.IsUndefined()) return null;
            if (value.IsBoolean()) return JsonValue.Create(value.AsBoolean());
            if (value.IsNumber())
            {
                var d = value.AsNumber();
                return double.IsFinite(d) ? JsonValues.Number(d) : null;
            }
            if (value.IsString()) return JsonValue.Create(value.AsString());
            if (value.IsDate()) return JsonValue.Create(value.AsDate().ToDateTime().ToUniversalTime().ToString("O"));
            if (value is Function) return null;
            if (value.IsArray())
            {
                var arr = value.AsArray();
                var result = new JsonArray();
                var length = (uint)arr.Length;
                for (uint i = 0; i < length; i++) result.Add(ToJson(arr.Get(i), depth + 1));
                return result;
            }
            if (value is ObjectInstance obj)
            {
                var result = new JsonObject();
                foreach (var (key, descriptor) in obj.GetOwnProperties())
                {
                    if (!key.IsString() || !descriptor.Enumerable) continue;
                    var v = obj.Get(key);
                    if (v is Function) continue;
                    result[key.AsString()] = ToJson(v, depth + 1);
                }
                return result;
            }
            return JsonValue.Create(value.ToString());
        }
    }
}

/// <summary>
/// The time limit of one evaluation, checked against the monotonic clock at every statement. Jint's own time limit
/// starts a timer for every evaluation, which costs more than a short expression does.
/// </summary>
internal sealed class DeadlineConstraint(TimeSpan limit) : Constraint
{
    readonly long _limitTicks = (long)(limit.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
    long _deadline;

    public override void Check()
    {
        if (System.Diagnostics.Stopwatch.GetTimestamp() > _deadline)
            throw new TimeoutException($"The script ran longer than {limit.TotalMilliseconds} ms.");
    }

    public override void Reset() => _deadline = System.Diagnostics.Stopwatch.GetTimestamp() + _limitTicks;
}
