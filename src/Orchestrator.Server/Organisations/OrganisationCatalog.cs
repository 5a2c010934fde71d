using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Organisations;

/// <summary>Loads `fixtures/organisations.json` into the store at start (insert or update, never delete).</summary>
public sealed class OrganisationCatalog(AppDbContext db, ProductPaths paths, ILogger<OrganisationCatalog> log)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<IReadOnlyList<Organisation>> ImportFixturesAsync(CancellationToken ct = default)
    {
        var file = Path.Combine(paths.Fixtures, "organisations.json");
        if (!File.Exists(file))
        {
            log.LogWarning("No organisation fixture at {File}", file);
            return [];
        }

        await using var stream = File.OpenRead(file);
        var fixture = await JsonSerializer.DeserializeAsync<OrganisationFixture>(stream, Json, ct)
            ?? throw new InvalidDataException($"{file}: empty organisation fixture");

        var existing = await db.Organisations.ToDictionaryAsync(o => o.Code, ct);
        foreach (var item in fixture.Organisations)
        {
            if (existing.TryGetValue(item.Code, out var org))
            {
                org.Level = item.Level;
                org.NameJa = item.NameJa;
                org.NameEn = item.NameEn;
                org.ParentCode = item.ParentCode;
            }
            else
            {
                db.Organisations.Add(item);
            }
        }
        await db.SaveChangesAsync(ct);
        log.LogInformation("Organisations loaded: {Count}", fixture.Organisations.Count);
        return fixture.Organisations;
    }

    private sealed record OrganisationFixture(List<Organisation> Organisations);
}
