using System.Reflection;
using System.Text.Json;
using WireMock.Admin.Mappings;

namespace Orchestrator.FakeAgencies;

/// <summary>
/// Checks a WireMock.Net static mapping file before WireMock reads it. WireMock deserialises with
/// Newtonsoft.Json, which ignores unknown properties: a typo such as <c>"Reponse"</c> or <c>"Dealy"</c> would
/// load "successfully" and silently change the fake's behaviour. So the file must be valid JSON, hold one
/// mapping object or a non-empty array of them, each with a Request and a Response, and use only property
/// names WireMock knows at the mapping, request and response level.
/// </summary>
internal static class MappingFileValidator
{
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        // WireMock (Newtonsoft) accepts comments; so do we, so fixtures may explain themselves.
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly HashSet<string> MappingProperties = PropertyNames(typeof(MappingModel));
    private static readonly HashSet<string> RequestProperties = PropertyNames(typeof(RequestModel));
    private static readonly HashSet<string> ResponseProperties = PropertyNames(typeof(ResponseModel));

    /// <summary>Returns the number of mappings in the file, or throws <see cref="FakeAgencyFixtureException"/>.</summary>
    public static int CountMappings(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new FakeAgencyFixtureException(path, $"invalid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            var mappings = root.ValueKind switch
            {
                JsonValueKind.Object => [root],
                JsonValueKind.Array => root.EnumerateArray().ToList(),
                _ => throw new FakeAgencyFixtureException(path, $"expected a mapping object or an array of mappings, found {root.ValueKind}"),
            };

            if (mappings.Count == 0)
            {
                throw new FakeAgencyFixtureException(path, "the file contains no mappings");
            }

            for (var i = 0; i < mappings.Count; i++)
            {
                ValidateMapping(path, $"mapping[{i}]", mappings[i]);
            }

            return mappings.Count;
        }
    }

    private static void ValidateMapping(string path, string where, JsonElement mapping)
    {
        if (mapping.ValueKind != JsonValueKind.Object)
        {
            throw new FakeAgencyFixtureException(path, $"{where} is {mapping.ValueKind}, not an object");
        }

        CheckKnownProperties(path, where, mapping, MappingProperties);
        var request = RequiredObject(path, where, mapping, "Request");
        var response = RequiredObject(path, where, mapping, "Response");
        CheckKnownProperties(path, $"{where}.Request", request, RequestProperties);
        CheckKnownProperties(path, $"{where}.Response", response, ResponseProperties);
    }

    private static JsonElement RequiredObject(string path, string where, JsonElement parent, string name)
    {
        foreach (var property in parent.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind == JsonValueKind.Object
                    ? property.Value
                    : throw new FakeAgencyFixtureException(path, $"{where}.{name} must be an object");
            }
        }

        throw new FakeAgencyFixtureException(path, $"{where} has no {name}");
    }

    private static void CheckKnownProperties(string path, string where, JsonElement element, HashSet<string> known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw new FakeAgencyFixtureException(path, $"{where} has unknown property '{property.Name}' (WireMock would ignore it)");
            }
        }
    }

    // Newtonsoft matches property names case-insensitively, so we do too.
    private static HashSet<string> PropertyNames(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
