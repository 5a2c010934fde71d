using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Constraints;
using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Object;
using Jint.Runtime.Interop;
using JintEngine = Jint.Engine;

namespace Orchestrator.Engine;

/// <summary>
/// One locked-down Jint engine with the helper functions bound to whichever instance is being evaluated. Every built-in
/// object is frozen and every global binding it starts with is read-only, so a script cannot change what another
/// evaluation sees; properties a script adds to the global object are removed after it (<see cref="RemoveAddedGlobals"/>).
/// </summary>
internal sealed partial class JavaScriptSandbox
{
    readonly JavaScriptLimits limits;
    readonly HashSet<JsValue> baseline;

    public readonly JintEngine Engine;
    public readonly SandboxConstraint Constraint;
    public IExpressionScope? Scope;

    public JavaScriptSandbox(JavaScriptLimits limits)
    {
        this.limits = limits;
        Constraint = new SandboxConstraint(limits);
        Engine = new JintEngine(o =>
        {
            o.LimitRecursion(limits.MaxRecursionDepth);
            o.MaxStatements(limits.MaxStatements);
            o.Constraint(Constraint);
            // One match of a catastrophic pattern runs inside .NET's regex engine, between two statement checks.
            o.RegexTimeoutInterval(limits.TimeoutInterval);
            o.Interop.Enabled = false; // no CLR access from scripts
            o.Host.StringCompilationAllowed = false; // no eval or new Function: every script is checked before it runs
            // Sloppy mode, as Elsa runs scripts (`x = 5; x + 1` works); what a script adds to the global object is
            // removed after it.
            o.Strict = false;
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
        DefineElsaHelpers();
        Define("__reserve", 1, args =>
        {
            Constraint.Reserve(args.Length > 0 ? args[0].AsNumber() : 0);
            return JsValue.Undefined;
        });
        Define("__reserveJoin", 2, args =>
        {
            Constraint.Reserve(JoinedLength(args[0], args.Length > 1 && !args[1].IsUndefined() ? args[1].ToString().Length : 1) * 2);
            return JsValue.Undefined;
        });
        Define("__reserveJson", 1, args =>
        {
            Constraint.Reserve(JsonLength(args[0], 0, 0) * 2);
            return JsValue.Undefined;
        });

        // The set-up script must not eat into (or exceed) the budgets of user scripts.
        var statements = Engine.Constraints.Find<MaxStatementsConstraint>();
        if (statements is not null) statements.MaxStatements = int.MaxValue;
        Constraint.Suspended = true;
        Engine.Execute(Variables + LockDown);
        Constraint.Suspended = false;
        if (statements is not null) statements.MaxStatements = limits.MaxStatements;
        baseline = Engine.Global.GetOwnPropertyKeys().ToHashSet();
    }

    /// <summary>
    /// Removes what a script added to the global object (a sloppy-mode assignment to an undeclared name,
    /// <c>this.x = …</c>). False when something cannot be removed: the engine must then not be used again.
    /// </summary>
    public bool RemoveAddedGlobals()
    {
        foreach (var key in Engine.Global.GetOwnPropertyKeys())
            if (!baseline.Contains(key) && !Engine.Global.Delete(key))
                return false;
        return true;
    }

    /// <summary><c>variables.x</c> reads and writes instance variables through the helpers.</summary>
    const string Variables = """
        var variables = new Proxy({}, {
          get: function (t, k) { return typeof k === 'string' ? getVariable(k) : undefined; },
          set: function (t, k, v) { setVariable(k, v); return true; },
          has: function (t, k) { return hasVariable(k); },
          ownKeys: function () { return variableNames(); },
          getOwnPropertyDescriptor: function (t, k) {
            return hasVariable(k) ? { value: getVariable(k), enumerable: true, configurable: true, writable: true } : undefined;
          }
        });

        """;

    const string LockDown = """
        (function (g) {
          'use strict';
          var reserve = g.__reserve, reserveJoin = g.__reserveJoin, reserveJson = g.__reserveJson;
          ['__reserve', '__reserveJoin', '__reserveJson'].forEach(function (n) { delete g[n]; });
          // Buffers allocate their whole length in one call, and weak references and realms outlive an evaluation.
          ['ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Atomics', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray',
           'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float16Array', 'Float32Array', 'Float64Array',
           'BigInt64Array', 'BigUint64Array', 'WeakRef', 'FinalizationRegistry', 'ShadowRealm'].forEach(function (n) { delete g[n]; });
          // RegExp.$1, lastMatch, … would show the last match of the previous evaluation.
          Object.getOwnPropertyNames(RegExp).forEach(function (n) {
            if (n.charAt(0) === '$' || ['input', 'lastMatch', 'lastParen', 'leftContext', 'rightContext'].indexOf(n) >= 0) delete RegExp[n];
          });

          // Built-ins that build a large string or array in one call reserve its size first.
          function wrap(o, name, make) {
            var original = o[name];
            Object.defineProperty(o, name, { value: make(original), writable: true, configurable: true, enumerable: false });
          }
          function chars(s) { return String(s).length; }
          wrap(String.prototype, 'repeat', function (f) { return function repeat(count) { reserve(chars(this) * Number(count) * 2); return f.call(this, count); }; });
          wrap(String.prototype, 'padStart', function (f) { return function padStart(n, fill) { reserve(Number(n) * 2); return f.call(this, n, fill); }; });
          wrap(String.prototype, 'padEnd', function (f) { return function padEnd(n, fill) { reserve(Number(n) * 2); return f.call(this, n, fill); }; });
          wrap(String.prototype, 'concat', function (f) {
            return function concat() {
              var n = chars(this);
              for (var i = 0; i < arguments.length; i++) n += chars(arguments[i]);
              reserve(n * 2);
              return f.apply(this, arguments);
            };
          });
          function guardReplacement(f) {
            return function (pattern, replacement) {
              var n = chars(this);
              if (typeof replacement === 'function') {
                var inner = replacement, total = n;
                replacement = function () { var r = String(inner.apply(this, arguments)); total += r.length; reserve(total * 2); return r; };
              } else {
                reserve((n + 1) * Math.max(1, chars(replacement)) * 2);
              }
              return f.call(this, pattern, replacement);
            };
          }
          wrap(String.prototype, 'replace', guardReplacement);
          wrap(String.prototype, 'replaceAll', guardReplacement);
          wrap(Array.prototype, 'join', function (f) { return function join(sep) { reserveJoin(this, sep); return f.call(this, sep); }; });
          wrap(Array.prototype, 'fill', function (f) { return function fill() { reserve(Number(this.length) * 16); return f.apply(this, arguments); }; });
          wrap(Array, 'from', function (f) {
            return function from(items) { if (items != null && typeof items.length === 'number') reserve(items.length * 16); return f.apply(this, arguments); };
          });
          wrap(JSON, 'stringify', function (f) { return function stringify(value) { reserveJson(value); return f.apply(this, arguments); }; });

          // Freeze every built-in object reachable from the global object and from values scripts can create.
          var seen = new Set([g, g.variables]);
          function freeze(o) {
            if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) return;
            seen.add(o);
            Object.freeze(o);
            Reflect.ownKeys(o).forEach(function (k) {
              var d = Object.getOwnPropertyDescriptor(o, k);
              if ('value' in d) freeze(d.value); else { freeze(d.get); freeze(d.set); }
            });
            freeze(Object.getPrototypeOf(o));
          }
          [function* () {}, async function () {}, async function* () {}, (function* () {})(), [][Symbol.iterator](),
           ''[Symbol.iterator](), new Map().entries(), new Set().values(), /a/[Symbol.matchAll]('a'),
           (function () { return arguments; })(), Promise.resolve()].forEach(freeze);
          Reflect.ownKeys(g).forEach(function (k) {
            var d = Object.getOwnPropertyDescriptor(g, k);
            if ('value' in d) {
              freeze(d.value);
              Object.defineProperty(g, k, { writable: false, configurable: false });
            }
          });
        })(globalThis);
        """;

    void Define(string name, int length, Func<JsValue[], JsValue> body) =>
        Engine.SetValue(name, new ClrFunction(Engine, name, (_, args) => body(args), length));

    static string Arg(JsValue[] args, int i) => args.Length > i ? args[i].ToString() : "";

    /// <summary>The length of <c>array.join(separator)</c>, counted before it is built (strings by length, others as 24).</summary>
    double JoinedLength(JsValue value, int separatorLength)
    {
        if (value is not ObjectInstance array) return 0;
        var length = array.Get("length").IsNumber() ? array.Get("length").AsNumber() : 0;
        double total = Math.Max(0, length - 1) * separatorLength;
        Constraint.Reserve(total * 2);
        for (uint i = 0; i < length; i++)
        {
            var item = array.Get(i);
            total += item.IsString() ? item.AsString().Length : (item.IsNull() || item.IsUndefined()) ? 0 : 24;
            if ((i & 0xFFF) == 0) Constraint.Reserve(total * 2);
        }
        return total;
    }

    /// <summary>An upper estimate of the length of <c>JSON.stringify(value)</c>, stopping once it is past the limit.</summary>
    double JsonLength(JsValue value, int depth, double sofar)
    {
        if (sofar * 2 > limits.MemoryLimitBytes || depth > 64) return sofar;
        if (value.IsString()) return sofar + value.AsString().Length * 2 + 2;
        if (value is not ObjectInstance o || value is Function) return sofar + 24;
        if (o.IsArray())
        {
            var length = o.Get("length").AsNumber();
            sofar += length;
            for (uint i = 0; i < length && sofar * 2 <= limits.MemoryLimitBytes; i++)
                sofar = JsonLength(o.Get(i), depth + 1, sofar + 1);
            return sofar;
        }
        foreach (var (key, descriptor) in o.GetOwnProperties())
        {
            if (!descriptor.Enumerable || !key.IsString()) continue;
            sofar = JsonLength(o.Get(key), depth + 1, sofar + key.AsString().Length + 4);
            if (sofar * 2 > limits.MemoryLimitBytes) break;
        }
        return sofar;
    }

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
