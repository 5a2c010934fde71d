using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Orchestrator.Server.Inventory;

/// <summary>JSON of the inventory's API bodies, and a procedure's content without its bookkeeping (to see what an import changes).</summary>
public static class CatalogueJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    private static readonly JsonSerializerOptions ContentOptions = new(Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    if (info.Type != typeof(Procedure))
                        return;
                    foreach (var bookkeeping in info.Properties.Where(p => p.Name is "updatedAt" or "updatedBy").ToList())
                        info.Properties.Remove(bookkeeping);
                },
            },
        },
    };

    public static string Content(Procedure procedure) => JsonSerializer.Serialize(procedure, ContentOptions);
}
