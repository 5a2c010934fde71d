using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Inventory;

/// <summary>The catalogue in the store: reading it whole, changing one procedure, replacing it all from a workbook.</summary>
public sealed class InventoryService(AppDbContext db, TimeProvider time)
{
    private IQueryable<Procedure> Procedures => db.Set<Procedure>().AsNoTracking()
        .Include(p => p.DataFlows.OrderBy(f => f.Number)).ThenInclude(f => f.Items.OrderBy(i => i.Number))
        .AsSplitQuery();

    public async Task<List<Procedure>> LoadAllAsync(CancellationToken ct) =>
        (await Procedures.ToListAsync(ct)).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();

    public Task<Procedure?> FindAsync(string code, CancellationToken ct) => Procedures.FirstOrDefaultAsync(p => p.Code == code, ct);

    /// <summary>Trims text, turns blank optional text into null, fills absent figures and lists, and numbers each flow's items.</summary>
    public static void Normalize(Procedure p)
    {
        p.Code = p.Code?.Trim() ?? "";
        p.NameJa = p.NameJa?.Trim() ?? "";
        p.NameEn = Clean(p.NameEn);
        p.Field = p.Field?.Trim() ?? "";
        p.LegalBasis = Clean(p.LegalBasis);
        p.Organisations = Clean(p.Organisations);
        p.NeedsText = Clean(p.NeedsText);
        p.ConstraintLegal = Clean(p.ConstraintLegal);
        p.ConstraintOperational = Clean(p.ConstraintOperational);
        p.ConstraintTechnical = Clean(p.ConstraintTechnical);
        p.ExcludedReason = Clean(p.ExcludedReason);
        p.ProcessKey = Clean(p.ProcessKey);
        p.AsIsDefinitionId = Clean(p.AsIsDefinitionId);
        foreach (var spec in ProcedureFigures.All)
            spec.Set(p, Clean(spec.Get(p)));
        p.DataFlows ??= [];
        p.DataFlows.RemoveAll(f => f is null);
        foreach (var flow in p.DataFlows)
        {
            flow.ProcedureCode = p.Code;
            flow.FromOrganisation = Clean(flow.FromOrganisation);
            flow.ToOrganisation = Clean(flow.ToOrganisation);
            flow.Frequency = Clean(flow.Frequency);
            foreach (var spec in DataFlowFigures.All)
                spec.Set(flow, Clean(spec.Get(flow)));
            flow.Items ??= [];
            flow.Items.RemoveAll(i => i is null);
            for (var i = 0; i < flow.Items.Count; i++)
            {
                var item = flow.Items[i];
                item.ProcedureCode = p.Code;
                item.FlowNumber = flow.Number;
                item.Number = i + 1;
                item.Name = item.Name?.Trim() ?? "";
                item.CodeSet = Clean(item.CodeSet);
            }
        }
        p.DataFlows.Sort((a, b) => a.Number.CompareTo(b.Number));
    }

    /// <summary>Problems of one procedure as a create (<paramref name="existingCode"/> null) or as a change of that procedure.</summary>
    public async Task<List<CatalogueProblem>> ValidateAsync(Procedure p, string? existingCode, CancellationToken ct)
    {
        var problems = new List<CatalogueProblem>();
        CatalogueRules.ValidateProcedure(p, 0, problems);
        if (existingCode is null && !string.IsNullOrEmpty(p.Code) && await db.Set<Procedure>().AnyAsync(x => x.Code == p.Code, ct))
            problems.Insert(0, new(new(0, null, null, "code"), $"手続コード '{p.Code}' は既にあります (already exists)"));
        if (existingCode is not null && p.Code != existingCode)
            problems.Insert(0, new(new(0, null, null, "code"), $"手続コードは変えられません ({existingCode}) (the code cannot change)"));
        if (p.ProcessKey is not null
            && await db.Set<Procedure>().Where(x => x.ProcessKey == p.ProcessKey && x.Code != p.Code).Select(x => x.Code).FirstOrDefaultAsync(ct) is { } other)
            problems.Add(new(new(0, null, null, "processKey"), $"プロセスキー '{p.ProcessKey}' は手続 {other} が使っています (used by another procedure)"));
        return problems;
    }

    /// <summary>Stores the procedure in place of the one with its code (if any), flows and items included.</summary>
    public async Task SaveAsync(Procedure p, string? user, CancellationToken ct)
    {
        p.UpdatedAt = time.GetUtcNow();
        p.UpdatedBy = user;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await DeleteRowsAsync(p.Code, ct);
        db.Add(p);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    public async Task<bool> DeleteAsync(string code, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var deleted = await DeleteRowsAsync(code, ct);
        await transaction.CommitAsync(ct);
        return deleted;
    }

    private async Task<bool> DeleteRowsAsync(string code, CancellationToken ct)
    {
        await db.Set<DataItem>().Where(i => i.ProcedureCode == code).ExecuteDeleteAsync(ct);
        await db.Set<DataFlow>().Where(f => f.ProcedureCode == code).ExecuteDeleteAsync(ct);
        return await db.Set<Procedure>().Where(p => p.Code == code).ExecuteDeleteAsync(ct) > 0;
    }

    /// <summary>
    /// Replaces the whole catalogue with the given one (already valid). Unchanged procedures keep their last change's
    /// time and author. With <paramref name="dryRun"/> nothing is written.
    /// </summary>
    public async Task<ImportSummary> ReplaceAllAsync(List<Procedure> incoming, string? user, bool dryRun, CancellationToken ct)
    {
        foreach (var p in incoming)
            Normalize(p);
        var existing = (await LoadAllAsync(ct)).ToDictionary(p => p.Code, StringComparer.Ordinal);
        var added = new List<string>();
        var changed = new List<string>();
        var now = time.GetUtcNow();
        foreach (var p in incoming)
        {
            if (!existing.TryGetValue(p.Code, out var before))
            {
                added.Add(p.Code);
                (p.UpdatedAt, p.UpdatedBy) = (now, user);
            }
            else if (CatalogueJson.Content(before) != CatalogueJson.Content(p))
            {
                changed.Add(p.Code);
                (p.UpdatedAt, p.UpdatedBy) = (now, user);
            }
            else
            {
                (p.UpdatedAt, p.UpdatedBy) = (before.UpdatedAt, before.UpdatedBy);
            }
        }
        var codes = incoming.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var removed = existing.Keys.Where(c => !codes.Contains(c)).Order(StringComparer.Ordinal).ToList();
        var summary = new ImportSummary(incoming.Count, incoming.Sum(p => p.DataFlows.Count), incoming.Sum(p => p.DataFlows.Sum(f => f.Items.Count)),
            added, changed, removed);
        if (dryRun)
            return summary;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<DataItem>().ExecuteDeleteAsync(ct);
        await db.Set<DataFlow>().ExecuteDeleteAsync(ct);
        await db.Set<Procedure>().ExecuteDeleteAsync(ct);
        db.AddRange(incoming);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return summary;
    }

    /// <summary>Links the procedure to a process key and the as-is draft made from it.</summary>
    public async Task LinkAsync(string code, string processKey, string definitionId, CancellationToken ct) =>
        await db.Set<Procedure>().Where(p => p.Code == code)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ProcessKey, processKey).SetProperty(p => p.AsIsDefinitionId, definitionId), ct);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Figure Clean(Figure? figure) =>
        figure is null ? new Figure() : new Figure { Value = figure.Value, Source = figure.Source, Basis = Clean(figure.Basis) };
}
