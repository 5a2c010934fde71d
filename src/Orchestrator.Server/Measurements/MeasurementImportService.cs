using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Reports;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Measurements;

/// <summary>
/// What an import did, or on a dry run would do: rows in the file, rows new to the cycle, rows imported before (skipped),
/// cases matched to a workflow run and cases created, and every problem. Nothing is stored unless the whole file is valid.
/// </summary>
public sealed record ImportResult(
    string Kind, string FileName, string FileHash, bool DryRun, bool Valid, bool AlreadyImported, int Rows, int NewRows, int SkippedRows,
    int MatchedCases, int CreatedCases, IReadOnlyList<ImportProblem> Problems, string? ImportId);

public sealed record ImportView(
    string Id, string Kind, string FileName, string FileHash, int Rows, int SkippedRows, DateTimeOffset ImportedAt, string? ImportedBy,
    DateTimeOffset? WithdrawnAt, string? WithdrawnBy);

/// <summary>
/// Time studies and resident questionnaires into a pilot cycle. A file is checked as a whole (every problem by sheet,
/// row and column), and stored in one transaction only when valid. The same file again (same SHA-256) changes nothing,
/// and so does a row imported before in another file (same row key). Rows of a case that ran as a workflow attach to
/// its run; a case of the cycle without a run in that arm becomes a measured case of its own. Withdrawing an import
/// deletes its rows (and the cases it alone created); the report rows of the cases it touched are rebuilt either way.
/// </summary>
public sealed class MeasurementImportService(AppDbContext db, CaseFactsBuilder facts, TimeProvider time)
{
    public async Task<ImportResult> ImportAsync(string cycleId, SheetLayout layout, string fileName, byte[] file, bool dryRun, int maxRows, string? user, CancellationToken ct)
    {
        var hash = Convert.ToHexString(SHA256.HashData(file)).ToLowerInvariant();
        ImportResult Result(bool valid, IReadOnlyList<ImportProblem> problems, int rows = 0, int added = 0, int skipped = 0, int matched = 0, int created = 0,
            bool already = false, string? id = null) =>
            new(layout.Kind, fileName, hash, dryRun, valid, already, rows, added, skipped, matched, created, problems, id);

        var cycle = await ImportCycle.LoadAsync(db, cycleId, ct) ?? throw new Pilots.CycleNotFoundException(cycleId);
        if (cycle.Cycle.Simulated)
            return Result(false, [new ImportProblem(fileName, null, null, null, "シミュレーションのサイクルには実測データを取り込めません。ライブのサイクルを選んでください (a simulated cycle takes no measurements)")]);
        var earlier = await db.Set<MeasurementImport>().AsNoTracking()
            .FirstOrDefaultAsync(i => i.CycleId == cycleId && i.Kind == layout.Kind && i.FileHash == hash && i.WithdrawnAt == null, ct);
        if (earlier is not null)
            return Result(true, [], earlier.Rows + earlier.SkippedRows, 0, earlier.Rows + earlier.SkippedRows, already: true, id: earlier.Id);

        var (sheet, problems) = SheetReader.Read(file, fileName, layout, maxRows);
        if (sheet is null || problems.Count > 0)
            return Result(false, problems);
        var plan = layout.Kind == SheetLayout.TimeStudyKind
            ? ImportPlan.ForTimeStudy(TimeStudyRows.Parse(sheet, cycle, problems), cycle)
            : ImportPlan.ForAnswers(QuestionnaireRows.Parse(sheet, cycle, problems), cycle, sheet, problems);
        if (problems.Count > 0)
            return Result(false, problems, sheet.Rows.Count);
        if (dryRun)
            return Result(true, [], sheet.Rows.Count, plan.NewRows, plan.SkippedRows, plan.Matched.Count, plan.Created.Count);

        var import = new MeasurementImport
        {
            Id = Guid.NewGuid().ToString("n"), Kind = layout.Kind, PilotId = cycle.Cycle.PilotId, CycleId = cycleId, FileName = fileName,
            FileHash = hash, Rows = plan.NewRows, SkippedRows = plan.SkippedRows, ImportedAt = time.GetUtcNow(), ImportedBy = user,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Add(import);
            db.WorkflowInstances.AddRange(plan.Created);
            plan.AddRows(db, import.Id);
            await db.SaveChangesAsync(ct);
            var touched = plan.Affected;
            await db.ReportCaseTouch.Where(t => touched.Contains(t.InstanceId)).ExecuteDeleteAsync(ct);
            await db.ReportCases.Where(c => touched.Contains(c.InstanceId)).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            db.ChangeTracker.Clear();
        }
        await facts.RebuildAsync(plan.Affected, ct);
        return Result(true, [], sheet.Rows.Count, plan.NewRows, plan.SkippedRows, plan.Matched.Count, plan.Created.Count, id: import.Id);
    }

    public async Task<ImportView> WithdrawAsync(string importId, string? user, CancellationToken ct)
    {
        var import = await db.Set<MeasurementImport>().FirstOrDefaultAsync(i => i.Id == importId, ct) ?? throw new ImportNotFoundException(importId);
        if (import.WithdrawnAt is not null)
            return View(import);
        var timeStudy = db.Set<TimeStudyRecord>();
        var answers = db.Set<QuestionnaireAnswer>();
        var affected = (await timeStudy.Where(r => r.ImportId == importId).Select(r => r.InstanceId).Distinct().ToListAsync(ct))
            .Concat(await answers.Where(r => r.ImportId == importId).Select(r => r.InstanceId).Distinct().ToListAsync(ct))
            .Distinct(StringComparer.Ordinal).ToList();
        List<string> remaining;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await timeStudy.Where(r => r.ImportId == importId).ExecuteDeleteAsync(ct);
            await answers.Where(r => r.ImportId == importId).ExecuteDeleteAsync(ct);
            // A case this import created goes with it, unless another import's rows still make it up.
            var orphaned = await db.WorkflowInstances.Where(i => affected.Contains(i.Id) && i.Imported
                    && !timeStudy.Any(r => r.InstanceId == i.Id) && !answers.Any(r => r.InstanceId == i.Id))
                .Select(i => i.Id).ToListAsync(ct);
            await db.ReportCaseTouch.Where(t => affected.Contains(t.InstanceId)).ExecuteDeleteAsync(ct);
            await db.ReportCases.Where(c => affected.Contains(c.InstanceId)).ExecuteDeleteAsync(ct);
            await db.WorkflowInstances.Where(i => orphaned.Contains(i.Id)).ExecuteDeleteAsync(ct);
            import.WithdrawnAt = time.GetUtcNow();
            import.WithdrawnBy = user;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            remaining = affected.Except(orphaned, StringComparer.Ordinal).ToList();
        }
        await facts.RebuildAsync(remaining, ct);
        return View(import);
    }

    public async Task<IReadOnlyList<ImportView>> ListAsync(string cycleId, CancellationToken ct) =>
        (await db.Set<MeasurementImport>().AsNoTracking().Where(i => i.CycleId == cycleId).ToListAsync(ct))
        .OrderByDescending(i => i.ImportedAt).Select(View).ToList();

    private static ImportView View(MeasurementImport i) =>
        new(i.Id, i.Kind, i.FileName, i.FileHash, i.Rows, i.SkippedRows, i.ImportedAt, i.ImportedBy, i.WithdrawnAt, i.WithdrawnBy);

    /// <summary>The id of a case an import creates: the same case (or anonymous answer) gets the same id in every import.</summary>
    public static string CaseInstanceId(string key) =>
        "imp-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24].ToLowerInvariant();

    /// <summary>The record of a case known only from imports: finished, never run, in the arm's definition.</summary>
    public static WorkflowInstanceRecord ImportedCase(
        string id, ImportCycle cycle, ArmDefinition definition, string processKey, string arm, string? caseKey, string municipality,
        DateTimeOffset from, DateTimeOffset to) => new()
        {
            Id = id, DefinitionId = definition.DefinitionId, DefinitionVersionId = definition.VersionId, DefinitionVersion = definition.Version,
            ProcessKey = processKey, Arm = arm, Status = WorkflowStatus.Finished, StateJson = "{}", ConcurrencyToken = Guid.NewGuid(),
            PilotId = cycle.Cycle.PilotId, CycleId = cycle.Cycle.Id, CaseId = caseKey, MunicipalityCode = municipality, Simulated = false,
            Imported = true, CreatedAt = from, UpdatedAt = to, FinishedAt = to,
        };
}
