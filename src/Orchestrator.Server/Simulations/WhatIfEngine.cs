using System.Diagnostics;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Pilots.Simulation;
using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Simulations;

/// <summary>
/// Runs a what-if plan the way a simulated pilot cycle runs: the cycle planner's cases, the pilot simulator on the real
/// engine, the rows a stored case would leave and the case row the reports compute from them, then the effect report's
/// own per-process arithmetic — all in memory; nothing is stored. Same plan, same seed: same summary, and the same as
/// the effect report of a stored simulated cycle with the same cases, seed and settings.
/// </summary>
public sealed class WhatIfEngine(
    PilotSimulation simulation, CaseFactsWriter facts, RateService rates, ReportCalendar calendar, ReportOptions reportOptions, TimeProvider time)
{
    public const string CycleId = "whatif";

    public const string Method =
        "予測 (what-if): 現行と改革後のそれぞれに同じ案件を流し、パイロットのシミュレーションと同じ仮想時計・職員数・開庁時間で実行した結果。" +
        "数値はすべてシミュレーション由来で、保存されたパイロットの記録には含まれない。期間内に終わらなかった案件は数値から除き、件数を示す。 " +
        "(What-if: the same cases through both arms on the pilot simulator's virtual clock, clerks and office hours; every figure is " +
        "simulated and none is stored as pilot records. Cases not finished within the horizon are left out of the figures and counted.)";

    /// <param name="progress">Told the number of cases ended so far (of 2 × cases).</param>
    public async Task<WhatIfSummary> RunAsync(WhatIfPlan plan, Action<int>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var used = plan.Settings;
        var config = plan.Configuration;
        var cycle = new PilotCycle
        {
            Id = CycleId, PilotId = used.PilotId ?? CycleId, Number = 1, Simulated = true, StartedAt = used.StartAt,
            Deadline = used.StartAt + used.Horizon, ConfigurationJson = "",
        };
        // The planner gives every municipality the same number of cases; each arm keeps its first N (in plan order).
        var planned = CyclePlanner.Plan(config, cycle.Number, _ => plan.CaseRows);
        var cases = planned.Where(p => p.Arm == Arms.AsIs).Take(used.Cases)
            .Concat(planned.Where(p => p.Arm == Arms.ToBe).Take(used.Cases))
            .OrderBy(p => p.Ordinal)
            .Select(p => PilotCycleJob.CaseOf(cycle, p))
            .ToList();
        var officeCalendar = simulation.CalendarFor(config);
        var request = PilotSimulation.Request(cycle, config, officeCalendar, cases, c => plan[c.Arm].Definition);
        var byId = cases.ToDictionary(c => c.Id, StringComparer.Ordinal);

        var snapshot = await rates.CurrentAsync(ct);
        var records = new SimulatedRecords(simulation.Agencies, time.GetUtcNow());
        var accounts = new Dictionary<string, ArmAccount>(StringComparer.Ordinal) { [Arms.AsIs] = new(), [Arms.ToBe] = new() };
        var loads = new OrganisationLoads(config.EffectiveSimulation.ClerkCapacity ?? new ClerkCapacity(), officeCalendar, plan.OrganisationNames);
        var done = 0;
        long rowsTicks = 0;
        Task Account(SimulatedInstance instance)
        {
            var started = Stopwatch.GetTimestamp();
            var pilotCase = byId[instance.Case.InstanceId];
            var account = accounts[pilotCase.Arm];
            var (status, stored, _) = records.Rows(instance, pilotCase, plan[pilotCase.Arm].Version);
            account.Ended[status] = account.Ended.GetValueOrDefault(status) + 1;
            var caseRows = CaseFactsWriter.RowsOf(stored, account.Measurements);
            // Each arm's cases are kept in the order they ended: the order the store keeps them in, which the bootstrap's
            // draws (per arm) follow.
            if (facts.Compute(stored, caseRows, snapshot) is { } computed)
            {
                account.Rows.Add(computed.Case);
                account.Segments.Add(LeadTimeDecomposer.Decompose(computed.Case.StartedAt, computed.Case.FinishedAt, caseRows, calendar.Calendar));
            }
            lock (loads)
            {
                loads.Add(instance);
                progress?.Invoke(++done);
            }
            Interlocked.Add(ref rowsTicks, Stopwatch.GetTimestamp() - started);
            return Task.CompletedTask;
        }

        // The case rows are computed on each arm's thread as its cases end: handing them to a thread of their own kept up
        // to a thousand ended cases alive at once (10,000 cases per arm: a peak managed heap of 327 MB then, 247 MB now).
        var simulated = Stopwatch.StartNew();
        var summary = await simulation.Simulator.RunAsync(request, Account, ct, endedPerArm: true);
        var simulateMs = simulated.Elapsed.TotalMilliseconds;
        var summarising = Stopwatch.StartNew();
        var rows = accounts[Arms.AsIs].Rows.Concat(accounts[Arms.ToBe].Rows).ToList();

        var (values, totals) = RecordValues.Read(rows);
        var calculator = new EffectCalculator(reportOptions.BootstrapSamples);
        var seed = reportOptions.DefaultSeed;
        var effect = EffectReportQuery.Process(plan.ProcessKey, plan.Title, values, totals, calculator, seed, [],
            [Version(plan.AsIs, accounts[Arms.AsIs].Rows.Count), Version(plan.ToBe, accounts[Arms.ToBe].Rows.Count)]);

        WhatIfArmRun Arm(WhatIfArm arm)
        {
            var ended = accounts[arm.Arm].Ended;
            return new(arm.Version.DefinitionId, arm.Version.Version, arm.Draft, arm.Version.Name, used.Cases,
                ended.GetValueOrDefault(PilotCaseStatus.Started), ended.GetValueOrDefault(PilotCaseStatus.Unfinished), ended.GetValueOrDefault(PilotCaseStatus.Failed));
        }
        var asIs = Arm(plan.AsIs);
        var toBe = Arm(plan.ToBe);
        var warnings = new List<string>();
        if (asIs.Unfinished + toBe.Unfinished > 0)
            warnings.Add("unfinished");
        if (asIs.Faulted + toBe.Faulted > 0)
            warnings.Add("faulted");
        return new WhatIfSummary(plan.ProcessKey, plan.Title, plan.WorkflowArm, asIs, toBe, effect,
            new WhatIfLeadTime(LeadTimeSegments.Mean(accounts[Arms.AsIs].Segments), LeadTimeSegments.Mean(accounts[Arms.ToBe].Segments)),
            loads.Busiest(), warnings, used, new BootstrapInfo(calculator.BootstrapSamples, seed, "percentile"), RatesUsed.Of(snapshot),
            [Method, ReportDefinitions.LeadTime, ReportDefinitions.Decomposition, ReportDefinitions.Cost, ReportDefinitions.Rates(snapshot), ReportDefinitions.Calendar(calendar),
                ReportDefinitions.Delta, ReportDefinitions.Bootstrap(calculator.BootstrapSamples, seed)],
            summary.Events, clock.Elapsed.TotalMilliseconds,
            new WhatIfTimings(simulateMs, Stopwatch.GetElapsedTime(0, rowsTicks).TotalMilliseconds, summarising.Elapsed.TotalMilliseconds));
    }

    /// <summary>What one arm's ended cases came to; only that arm's thread adds to it.</summary>
    private sealed class ArmAccount
    {
        public Dictionary<PilotCaseStatus, int> Ended { get; } = [];
        public Dictionary<string, StepMeasurement?> Measurements { get; } = CaseFactsWriter.Measurements();
        public List<ReportCaseRecord> Rows { get; } = [];
        public List<LeadTimeSegments> Segments { get; } = [];
    }

    private static Reports.ArmVersion Version(WhatIfArm arm, int cases) =>
        new(arm.Version.ProcessKey!, arm.Arm, arm.Version.DefinitionId, arm.Version.Version, cases, Included: true);
}
