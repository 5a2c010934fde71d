using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Engine;

/// <summary>Conversions between JSON values, .NET values and Elsa type names.</summary>
internal static class JsonValues
{
    public static bool TryGetNumber(JsonValue v, out double number)
    {
        if (v.GetValueKind() != JsonValueKind.Number) { number = 0; return false; }
        if (v.TryGetValue(out number)) return true;
        if (v.TryGetValue<long>(out var l)) { number = l; return true; }
        if (v.TryGetValue<int>(out var i)) { number = i; return true; }
        if (v.TryGetValue<decimal>(out var m)) { number = (double)m; return true; }
        return double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>Integral numbers become longs so they print as "3", not "3.0".</summary>
    public static JsonValue Number(double d) =>
        Math.Abs(d) < 9007199254740992d && d == Math.Floor(d) ? JsonValue.Create((long)d) : JsonValue.Create(d);

    public static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => v.GetValue<string>() is var s && s.Length > 0 && !s.Equals("false", StringComparison.OrdinalIgnoreCase),
            JsonValueKind.Number => TryGetNumber(v, out var d) && d != 0,
            _ => false,
        },
        _ => true,
    };

    public static string? AsString(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && TryGetNumber(v, out var d) => d.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "false",
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
        _ => node.ToJsonString(),
    };

    public static TimeSpan? AsTimeSpan(JsonNode? node)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && TryGetNumber(v, out var ms))
            return TimeSpan.FromMilliseconds(ms);
        var s = AsString(node);
        if (string.IsNullOrWhiteSpace(s)) return null;
        if (TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var ts)) return ts;
        try { return System.Xml.XmlConvert.ToTimeSpan(s); } // ISO 8601 durations such as PT2H
        catch (FormatException) { throw new ExpressionException($"'{s}' is not a time span (use d.hh:mm:ss or an ISO 8601 duration)."); }
    }

    public static DateTimeOffset? AsDateTimeOffset(JsonNode? node)
    {
        var s = AsString(node);
        if (string.IsNullOrWhiteSpace(s)) return null;
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)) return d;
        throw new ExpressionException($"'{s}' is not a date and time.");
    }

    public static JsonNode? FromObject(object? value) => value switch
    {
        null => null,
        JsonNode n => n.DeepClone(),
        JsonElement e => JsonNode.Parse(e.GetRawText()),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        decimal m => JsonValue.Create(m),
        DateTimeOffset dto => JsonValue.Create(dto),
        DateTime dt => JsonValue.Create(dt),
        IDictionary<string, object?> dict => new JsonObject(dict.Select(kv => KeyValuePair.Create(kv.Key, FromObject(kv.Value)))),
        _ => JsonSerializer.SerializeToNode(value, value.GetType()),
    };

    public static JsonObject FromDictionary(IDictionary<string, object?>? input)
    {
        var o = new JsonObject();
        if (input is null) return o;
        foreach (var (k, v) in input) o[k] = FromObject(v);
        return o;
    }

    /// <summary>Plain .NET objects for Fluid (dictionaries, lists, strings, decimals, booleans).</summary>
    public static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(kv => kv.Key, kv => ToPlain(kv.Value)),
        JsonArray a => a.Select(ToPlain).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => TryGetNumber(v, out var d) ? (decimal)d : 0m,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => null,
    };

    /// <summary>The type names <see cref="ConvertTo"/> knows, looked up rather than lowered: lowering made a new string
    /// at every evaluation of every input.</summary>
    static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownTypeNames =
        new[]
        {
            "string", "char", "uri", "timespan", "datetime", "datetimeoffset", "dateonly", "timeonly", "guid", "int32", "int64", "int16",
            "byte", "double", "single", "decimal", "number", "int", "long", "float", "boolean", "bool", "object",
        }.ToFrozenDictionary(n => n, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    static string NormaliseTypeName(string typeName)
    {
        var t = typeName.AsSpan().Trim().TrimEnd('?');
        var comma = t.IndexOf(',');
        if (comma > 0) t = t[..comma];
        if (t.StartsWith("System.", StringComparison.Ordinal)) t = t["System.".Length..];
        // ASCII only: ignoring case there is exactly lowering it.
        return Ascii.IsValid(t) && KnownTypeNames.TryGetValue(t, out var known) ? known : t.ToString().ToLowerInvariant();
    }

    /// <summary>Converts a value to an input's declared Elsa type name (Literal "3" for an Int32 becomes 3).</summary>
    public static JsonNode? ConvertTo(JsonNode? value, string? typeName)
    {
        if (value is null || string.IsNullOrEmpty(typeName)) return value;
        var t = NormaliseTypeName(typeName);
        var text = value is JsonValue v0 && v0.GetValueKind() == JsonValueKind.String ? v0.GetValue<string>() : null;
        switch (t)
        {
            case "string" or "char" or "uri" or "timespan" or "datetime" or "datetimeoffset" or "dateonly" or "timeonly" or "guid":
                return value is JsonValue ? JsonValue.Create(AsString(value)) : JsonValue.Create(value.ToJsonString());
            case "int32" or "int64" or "int16" or "byte" or "double" or "single" or "decimal" or "number" or "int" or "long" or "float":
                if (text is null) return value;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return Number(d);
                throw new ExpressionException($"'{text}' is not a number ({typeName}).");
            case "boolean" or "bool":
                if (text is null) return value;
                if (bool.TryParse(text.Trim(), out var b)) return JsonValue.Create(b);
                throw new ExpressionException($"'{text}' is not a Boolean.");
            default:
                // Objects, arrays and Elsa's ExpandoObject: JSON text becomes JSON.
                if (text is not null && StaticValues.TryParseJson(text) is { } parsed) return parsed;
                return value;
        }
    }

    /// <summary>The typed default of a definition variable, from Elsa's string form.</summary>
    public static JsonNode? VariableDefault(VariableDefinition v)
    {
        if (v.Value is null) return null;
        if (v.IsArray || v.TypeName.EndsWith("[]", StringComparison.Ordinal))
            return StaticValues.TryParseJson(v.Value) ?? JsonValue.Create(v.Value);
        try { return ConvertTo(JsonValue.Create(v.Value), v.TypeName); }
        catch (ExpressionException) { return JsonValue.Create(v.Value); }
    }
}
