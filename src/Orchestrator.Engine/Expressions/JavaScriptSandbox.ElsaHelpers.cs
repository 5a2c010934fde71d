using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace Orchestrator.Engine;

/// <summary>Elsa's JavaScript helper functions and the accessors it generates per variable, input and output.</summary>
internal sealed partial class JavaScriptSandbox
{
    /// <summary>Elsa's common JavaScript functions, with its names.</summary>
    void DefineElsaHelpers()
    {
        Define("getWorkflowDefinitionId", 0, _ => new JsString(Scope!.DefinitionId));
        Define("getWorkflowDefinitionVersionId", 0, _ => new JsString(Scope!.DefinitionVersionId));
        Define("getWorkflowDefinitionVersion", 0, _ => new JsNumber(Scope!.DefinitionVersion));
        Define("setCorrelationId", 1, args =>
        {
            Scope!.SetCorrelationId(args.Length > 0 && !args[0].IsNull() && !args[0].IsUndefined() ? args[0].ToString() : null);
            return JsValue.Undefined;
        });
        Define("getLastResult", 0, _ => ToJs(Scope!.GetLastResult()));
        Define("isNullOrEmpty", 1, args => args.Length == 0 || args[0].IsNull() || args[0].IsUndefined() || args[0].ToString().Length == 0 ? JsBoolean.True : JsBoolean.False);
        Define("isNullOrWhiteSpace", 1, args => args.Length == 0 || args[0].IsNull() || args[0].IsUndefined() || string.IsNullOrWhiteSpace(args[0].ToString()) ? JsBoolean.True : JsBoolean.False);
        Define("toJson", 1, args => new JsString(ToJson(args.Length > 0 ? args[0] : JsValue.Undefined, 0)?.ToJsonString() ?? "null"));
        Define("newGuid", 0, _ => new JsString(Guid.NewGuid().ToString()));
        Define("newGuidString", 0, _ => new JsString(Guid.NewGuid().ToString()));
        Define("getGuidString", 0, _ => new JsString(Guid.NewGuid().ToString()));
        Define("newShortGuid", 0, _ => new JsString(ShortGuid()));
        Define("getShortGuid", 0, _ => new JsString(ShortGuid()));
        Define("parseGuid", 1, args => Guid.TryParse(Arg(args, 0), out var g)
            ? new JsString(g.ToString())
            : throw new JavaScriptException(Engine.Intrinsics.TypeError, $"'{Arg(args, 0)}' is not a GUID"));
        Define("bytesFromString", 1, args => Bytes(System.Text.Encoding.UTF8.GetBytes(Arg(args, 0))));
        Define("stringToBytes", 1, args => Bytes(System.Text.Encoding.UTF8.GetBytes(Arg(args, 0))));
        Define("bytesToString", 1, args => new JsString(System.Text.Encoding.UTF8.GetString(BytesOf(args))));
        Define("bytesToBase64", 1, args => new JsString(Convert.ToBase64String(BytesOf(args))));
        Define("bytesFromBase64", 1, args => Bytes(FromBase64(Arg(args, 0))));
        Define("stringToBase64", 1, args => new JsString(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Arg(args, 0)))));
        Define("stringFromBase64", 1, args => new JsString(System.Text.Encoding.UTF8.GetString(FromBase64(Arg(args, 0)))));
        Define("setOutcome", 1, args =>
        {
            Scope!.SetOutcomes([Arg(args, 0)]);
            return JsValue.Undefined;
        });
        Define("setOutcomes", 1, args =>
        {
            Scope!.SetOutcomes(ToJson(args.Length > 0 ? args[0] : JsValue.Undefined, 0) is { } names ? StaticValues.ToStringList(names) : []);
            return JsValue.Undefined;
        });
    }

    static string ShortGuid() => Convert.ToBase64String(Guid.NewGuid().ToByteArray()).Replace("/", "").Replace("+", "").Replace("=", "");

    byte[] FromBase64(string text)
    {
        try { return Convert.FromBase64String(text); }
        catch (FormatException) { throw new JavaScriptException(Engine.Intrinsics.TypeError, "The text is not Base64"); }
    }

    /// <summary>Bytes are arrays of numbers 0–255 here (typed arrays are not available in the sandbox).</summary>
    JsValue Bytes(byte[] bytes)
    {
        Constraint.Reserve(bytes.Length * 24.0);
        return new JsArray(Engine, bytes.Select(b => (JsValue)new JsNumber(b)).ToArray());
    }

    static byte[] BytesOf(JsValue[] args)
    {
        if (args.Length == 0 || args[0] is not ObjectInstance array) return [];
        var length = (uint)array.Get("length").AsNumber();
        var bytes = new byte[length];
        for (uint i = 0; i < length; i++) bytes[i] = (byte)array.Get(i).AsNumber();
        return bytes;
    }

    readonly Dictionary<string, ClrFunction> accessors = new(StringComparer.Ordinal);

    /// <summary>
    /// Elsa's generated accessors, defined for one evaluation (they are globals the evaluation adds, removed after it):
    /// <c>getX()</c>/<c>setX(v)</c> for a variable whose name in Pascal case is X, <c>getX()</c> for a workflow input X,
    /// <c>getYFromZ()</c> for output Y of activity Z. Only the names a script uses are defined, resolved when called.
    /// </summary>
    public void DefineAccessors(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (!accessors.TryGetValue(name, out var function))
                accessors[name] = function = new ClrFunction(Engine, name, (_, args) => Access(name, args), 1);
            Engine.Global.Set(name, function);
        }
    }

    JsValue Access(string name, JsValue[] args)
    {
        var scope = Scope!;
        var wanted = name[3..];
        var variable = scope.Variables.Keys.FirstOrDefault(k => Pascalize(k) == wanted);
        if (name.StartsWith("set", StringComparison.Ordinal))
        {
            if (variable is null) throw new JavaScriptException(Engine.Intrinsics.TypeError, $"{name} is not defined (no variable '{wanted}')");
            scope.SetVariable(variable, ToJson(args.Length > 0 ? args[0] : JsValue.Undefined, 0));
            return JsValue.Undefined;
        }
        if (variable is not null) return ToJs(scope.Variables[variable]);
        if (scope.InputNames.FirstOrDefault(i => i == wanted || Pascalize(i) == wanted) is { } input)
            return scope.Input.TryGetPropertyValue(input, out var value) ? ToJs(value) : JsValue.Undefined;
        var from = wanted.IndexOf("From", StringComparison.Ordinal);
        if (from > 0 && from + 4 < wanted.Length)
            return ToJs(scope.GetOutputFrom(wanted[(from + 4)..], WorkflowDefinitionJson.CamelCase(wanted[..from])));
        throw new JavaScriptException(Engine.Intrinsics.TypeError, $"{name} is not defined");
    }

    /// <summary>Variable names as Elsa's accessors spell them: "order_total" and "orderTotal" become "OrderTotal".</summary>
    public static string Pascalize(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (c is '_' or ' ' or '-') { upper = true; continue; }
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return sb.ToString();
    }
}
