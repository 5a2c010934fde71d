using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Organisations;

public sealed record OrganisationDto(string Code, OrganisationLevel Level, string NameJa, string NameEn, string? ParentCode)
{
    public static OrganisationDto From(Organisation o) => new(o.Code, o.Level, o.NameJa, o.NameEn, o.ParentCode);
}

public static class OrganisationEndpoints
{
    public static RouteGroupBuilder MapOrganisationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/organisations", async (AppDbContext db, CancellationToken ct) =>
            {
                var all = await db.Organisations.AsNoTracking().ToListAsync(ct);
                return all.OrderBy(o => o.Level).ThenBy(o => o.Code, StringComparer.Ordinal).Select(OrganisationDto.From);
            })
            .WithTags("Organisations")
            .WithSummary("Organisations: level, code, Japanese and English names, parent");
        return api;
    }
}
