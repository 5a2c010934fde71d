using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Inventory.Priority;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Inventory;

/// <summary>Priority schemes, the ranking under one, and the recorded choices of 重点分野.</summary>
public sealed class PriorityService(AppDbContext db, InventoryService inventory, TimeProvider time)
{
    public Task<List<PriorityScheme>> SchemesAsync(CancellationToken ct) =>
        db.Set<PriorityScheme>().AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);

    public Task<PriorityScheme?> SchemeAsync(string id, CancellationToken ct) =>
        db.Set<PriorityScheme>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>Creates the scheme, or replaces the one with its id when <paramref name="replace"/> is set.</summary>
    public async Task<List<FieldProblem>> SaveSchemeAsync(PriorityScheme scheme, bool replace, string? user, CancellationToken ct)
    {
        scheme.Name = scheme.Name?.Trim() ?? "";
        scheme.Description = string.IsNullOrWhiteSpace(scheme.Description) ? null : scheme.Description.Trim();
        scheme.MinutesPerTrip ??= new Figure();
        var problems = SchemeRules.Validate(scheme);
        var exists = await db.Set<PriorityScheme>().AnyAsync(s => s.Id == scheme.Id, ct);
        if (!replace && exists)
            problems.Insert(0, new("$.id", $"優先度の方式 '{scheme.Id}' は既にあります (already exists)"));
        if (problems.Count > 0)
            return problems;
        scheme.UpdatedAt = time.GetUtcNow();
        scheme.UpdatedBy = user;
        if (exists)
            db.Update(scheme);
        else
            db.Add(scheme);
        await db.SaveChangesAsync(ct);
        return problems;
    }

    public async Task<bool> DeleteSchemeAsync(string id, CancellationToken ct) =>
        await db.Set<PriorityScheme>().Where(s => s.Id == id).ExecuteDeleteAsync(ct) > 0;

    public async Task<Ranking?> RankAsync(string schemeId, CancellationToken ct) =>
        await SchemeAsync(schemeId, ct) is { } scheme
            ? PriorityScoring.Rank(await inventory.LoadAllAsync(ct), scheme)
            : null;

    public async Task<List<FocusChoiceView>> ChoicesAsync(CancellationToken ct)
    {
        var choices = await db.Set<FocusChoice>().AsNoTracking().ToListAsync(ct);
        return choices.OrderByDescending(c => c.ChosenAt).Select(View).ToList();
    }

    /// <summary>Records the choice with each procedure's rank, score and stability under the scheme now.</summary>
    public async Task<(FocusChoiceView? Choice, List<FieldProblem> Problems)> ChooseAsync(FocusChoiceRequest request, string? user, CancellationToken ct)
    {
        var problems = new List<FieldProblem>();
        var ranking = string.IsNullOrWhiteSpace(request.SchemeId) ? null : await RankAsync(request.SchemeId, ct);
        if (ranking is null)
            problems.Add(new("$.schemeId", "優先度の方式を選んでください (choose an existing scheme)"));
        var codes = request.Procedures ?? [];
        if (codes.Count == 0)
            problems.Add(new("$.procedures", "重点とする手続を 1 つ以上選んでください (choose at least one procedure)"));
        if (codes.Count > InventoryLimits.FocusProcedures)
            problems.Add(new("$.procedures", $"{InventoryLimits.FocusProcedures} 件までです (at most {InventoryLimits.FocusProcedures})"));
        var reasoning = request.Reasoning?.Trim() ?? "";
        if (reasoning.Length == 0)
            problems.Add(new("$.reasoning", "選んだ理由が必要です (the reasoning is required)"));
        else if (reasoning.Length > InventoryLimits.Reasoning)
            problems.Add(new("$.reasoning", $"{InventoryLimits.Reasoning} 文字までです (at most {InventoryLimits.Reasoning} characters)"));
        var entries = new List<FocusEntry>();
        if (ranking is not null)
        {
            var ranked = ranking.Ranked.ToDictionary(r => r.Code, StringComparer.Ordinal);
            for (var i = 0; i < codes.Count && i < InventoryLimits.FocusProcedures; i++)
            {
                if (!ranked.TryGetValue(codes[i] ?? "", out var r))
                    problems.Add(new($"$.procedures[{i}]", $"'{codes[i]}' はこの方式の順位にありません (not ranked: unknown, excluded or missing figures)"));
                else if (entries.Any(e => e.Code == r.Code))
                    problems.Add(new($"$.procedures[{i}]", $"'{codes[i]}' が重複しています (duplicate)"));
                else
                    entries.Add(new FocusEntry(r.Code, r.NameJa, r.Field, r.Rank, r.Score, r.Stability.Stable));
            }
        }
        if (problems.Count > 0)
            return (null, problems);

        var choice = new FocusChoice
        {
            Id = Guid.NewGuid().ToString("n"),
            SchemeId = ranking!.Scheme.Id,
            SchemeName = ranking.Scheme.Name,
            Weights = ranking.Scheme.Weights.Copy(),
            EntriesJson = JsonSerializer.Serialize(entries.OrderBy(e => e.Rank).ThenBy(e => e.Code, StringComparer.Ordinal).ToList(), CatalogueJson.Options),
            Reasoning = reasoning,
            ChosenAt = time.GetUtcNow(),
            ChosenBy = user,
        };
        db.Add(choice);
        await db.SaveChangesAsync(ct);
        return (View(choice), problems);
    }

    private static FocusChoiceView View(FocusChoice c)
    {
        var entries = JsonSerializer.Deserialize<List<FocusEntry>>(c.EntriesJson, CatalogueJson.Options) ?? [];
        return new FocusChoiceView(c.Id, c.SchemeId, c.SchemeName, c.Weights, entries, entries.Select(e => e.Field).Distinct().ToList(),
            c.Reasoning, c.ChosenAt, c.ChosenBy);
    }
}
