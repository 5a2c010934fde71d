using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Agencies;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Inventory;
using Orchestrator.Server.IssuesRegister;
using Orchestrator.Server.Organisations;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Reports;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Deliverables;

/// <summary>Gathers what a deliverable shows from the workflows, the agency registry, the inventory and the register.</summary>
public sealed class DeliverableService(DefinitionService definitions, DefinitionCache cache, AgencyOptions agencies, InventoryService inventory,
    IssueRegisterService issues, ProcessSteps steps, AppDbContext db, PriorityService priority, ReportOptions options, CaseFactsBuilder facts,
    SharedReports reports)
{
    /// <summary>The pilot's 成果報告書 content; null when there is no such pilot.</summary>
    public async Task<ResultReport?> ResultReportAsync(string pilotId, CancellationToken ct)
    {
        if (await db.Pilots.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pilotId, ct) is not { } pilot)
            return null;
        var configuration = JsonSerializer.Deserialize<PilotConfiguration>(pilot.ConfigurationJson, PilotConfiguration.Json)!;
        var cycles = await db.PilotCycles.AsNoTracking().Where(c => c.PilotId == pilotId).ToListAsync(ct);
        var codes = configuration.Municipalities ?? [];
        var sites = await db.Organisations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.NameJa, ct);
        var clerkIds = await db.Users.AsNoTracking().Where(u => u.OrganisationCode != null && codes.Contains(u.OrganisationCode)).Select(u => u.Id).ToListAsync(ct);
        var clerkRole = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.Clerk).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var clerks = await db.UserRoles.AsNoTracking().CountAsync(r => r.RoleId == clerkRole && clerkIds.Contains(r.UserId), ct);

        // The reports as GET /api/reports/…?pilotId=… answers them (mode auto, default seed).
        var filter = new ReportFilter(pilotId, null, null, null, "auto", options.DefaultSeed);
        var refresh = await facts.EnsureAsync(ct);
        Task<T> Run<TQuery, T>(ReportFilter f, Func<TQuery, ReportFilter, CancellationToken, Task<T>> run) where TQuery : notnull where T : notnull =>
            reports.GetAsync(f, refresh, options.BootstrapSamples, run, ct);
        var effect = await Run<EffectReportQuery, EffectReport>(filter, (q, f, c) => q.RunAsync(f, c));
        var bySite = new Dictionary<string, EffectReport>();
        foreach (var code in codes)
            bySite[code] = await Run<EffectReportQuery, EffectReport>(filter with { Municipality = code }, (q, f, c) => q.RunAsync(f, c));
        var projection = await Run<ProjectionReportQuery, ProjectionReport>(filter, (q, f, c) => q.RunAsync(f, c));
        var method = await Run<MethodReportQuery, MethodReport>(filter, (q, f, c) => q.RunAsync(f, c));
        var stepReport = await Run<StepReportQuery, StepReport>(filter, (q, f, c) => q.RunAsync(f, c));

        var procedures = await inventory.LoadAllAsync(ct);
        var names = await steps.NamesAsync(ct);
        var processes = new List<ReportProcess>();
        var related = new List<ReformIssue>();
        foreach (var process in configuration.Processes ?? [])
        {
            var key = process.ProcessKey ?? "";
            processes.Add(new ReportProcess(key, names.GetValueOrDefault(key, key), procedures.FirstOrDefault(p => p.ProcessKey == key),
                await FlowAsync(process.AsIs), await FlowAsync(process.ToBe), stepReport.Processes.FirstOrDefault(p => p.ProcessKey == key)));
            related.AddRange(await issues.ListAsync(new IssueFilter(ProcessKey: key), ct));
        }
        var focus = await priority.ChoicesAsync(ct);
        var started = cycles.Select(c => c.StartedAt).OfType<DateTimeOffset>().DefaultIfEmpty().Min();
        var ended = cycles.Select(c => c.ClosedAt ?? c.StartedAt).OfType<DateTimeOffset>().DefaultIfEmpty().Max();
        return new ResultReport(pilot.NameJa, configuration.Description, pilot.Mode == PilotMode.Simulated ? SimulatedMode : "実証 (ライブ)",
            started == default ? null : Japan(started), ended == default ? null : Japan(ended),
            codes.Select(c => sites.GetValueOrDefault(c, c)).ToList(), clerks, cycles.Count, processes, effect, bySite.ToDictionary(kv => sites.GetValueOrDefault(kv.Key, kv.Key), kv => kv.Value),
            projection, method, related, focus);
    }

    public const string SimulatedMode = "シミュレーション";

    private static DateOnly Japan(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(9)).DateTime);

    private async Task<ProcessFlow?> FlowAsync(PilotArmDefinition? arm) =>
        arm?.DefinitionId is { } id && await definitions.FindAsync(id, arm.Version, CancellationToken.None) is { } record ? ProcessFlow.From(cache.Get(record)) : null;

    /// <summary>The workflow as a BPMN 2.0 file with its name; null when there is no such workflow or version.</summary>
    public async Task<(string Name, byte[] Xml)?> BpmnAsync(string definitionId, int? version, CancellationToken ct) =>
        await definitions.FindAsync(definitionId, version, ct) is { } record ? (record.Name, BpmnExport.Write(cache.Get(record), agencies)) : null;

    public async Task<PracticalSpec?> PracticalSpecAsync(string definitionId, int? version, CancellationToken ct)
    {
        if (await definitions.FindAsync(definitionId, version, ct) is not { } record)
            return null;
        var definition = cache.Get(record);
        var flow = ProcessFlow.From(definition);
        var procedure = flow.ProcessKey is null ? null : (await inventory.LoadAllAsync(ct)).FirstOrDefault(p => p.ProcessKey == flow.ProcessKey);
        var related = flow.ProcessKey is null ? [] : await issues.ListAsync(new IssueFilter(ProcessKey: flow.ProcessKey), ct);
        var processName = flow.ProcessKey is { } key && (await steps.NamesAsync(ct)).TryGetValue(key, out var name) ? name : record.Name;
        return new PracticalSpec(processName, record.Name, record.Version, flow, PlatformInterfaces.Of(definition, agencies, procedure), related);
    }
}
