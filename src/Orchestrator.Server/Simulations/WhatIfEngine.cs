using System.Diagnostics;
using System.Threading.Channels;
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
        var measurements = new Dictionary<string, StepMeasurement?>(StringComparer.Ordinal);
        var rows = new List<ReportCaseRecord>(cases.Count);
        var segments = new Dictionary<string, List<LeadTimeSegments>>(StringComparer.Ordinal) { [Arms.AsIs] = [], [Arms.ToBe] = [] };
        var ended = new Dictionary<(string Arm, PilotCaseStatus Status), int>();
        var loads = new OrganisationLoads(config.EffectiveSimulation.ClerkCapacity ?? new ClerkCapacity(), officeCalendar, plan.OrganisationNames);
        var done = 0;
        var rowsClock = new Stopwatch();
        void Account(SimulatedInstance instance)
        {
            rowsClock.Start();
            var pilotCase = byId[instance.Case.InstanceId];
            var (status, stored, _) = records.Rows(instance, pilotCase, plan[pilotCase.Arm].Version);
            ended[(pilotCase.Arm, status)] = ended.GetValueOrDefault((pilotCase.Arm, status)) + 1;
            loads.Add(instance);
            var caseRows = CaseFactsWriter.RowsOf(stored, measurements);
            // Cases are kept in the order they ended: the order the store keeps them in, which the bootstrap's draws follow.
            if (facts.Compute(stored, caseRows, snapshot) is { } computed)
            {
                rows.Add(computed.Case);
                segments[pilotCase.Arm].Add(LeadTimeDecomposer.Decompose(computed.Case.StartedAt, computed.Case.FinishedAt, caseRows, calendar.Calendar));
            }
            progress?.Invoke(++done);
            rowsClock.Stop();
        }

        // The case rows are computed beside the simulation, in the order the cases ended (the two cores work at once, as
        // when a cycle is stored); an ended case is only read from then on.
        var ending = Channel.CreateBounded<SimulatedInstance>(new BoundedChannelOptions(1000) { SingleReader = true, SingleWriter = true });
        var accounting = Task.Run(async () =>
        {
            await foreach (var instance in ending.Reader.ReadAllAsync(ct))
                Account(instance);
        }, ct);
        var simulated = Stopwatch.StartNew();
        SimulationSummary summary;
        try
        {
            summary = await simulation.Simulator.RunAsync(request, instance => ending.Writer.WriteAsync(instance, ct).AsTask(), ct);
        }
        finally
        {
            ending.Writer.TryComplete();
        }
        var simulateMs = simulated.Elapsed.TotalMilliseconds;
        await accounting;
        var summarising = Stopwatch.StartNew();

        var (values, totals) = RecordValues.Read(rows);
        var calculator = new EffectCalculator(reportOptions.BootstrapSamples);
        var seed = reportOptions.DefaultSeed;
        var effect = EffectReportQuery.Process(plan.ProcessKey, plan.Title, values, totals, calculator, seed, [],
            [Version(plan.AsIs, rows), Version(plan.ToBe, rows)]);

        WhatIfArmRun Arm(WhatIfArm arm) => new(arm.Version.DefinitionId, arm.Version.Version, arm.Draft, arm.Version.Name, used.Cases,
            ended.GetValueOrDefault((arm.Arm, PilotCaseStatus.Started)), ended.GetValueOrDefault((arm.Arm, PilotCaseStatus.Unfinished)),
            ended.GetValueOrDefault((arm.Arm, PilotCaseStatus.Failed)));
        var asIs = Arm(plan.AsIs);
        var toBe = Arm(plan.ToBe);
        var warnings = new List<string>();
        if (asIs.Unfinished + toBe.Unfinished > 0)
            warnings.Add("unfinished");
        if (asIs.Faulted + toBe.Faulted > 0)
            warnings.Add("faulted");
        return new WhatIfSummary(plan.ProcessKey, plan.Title, plan.WorkflowArm, asIs, toBe, effect,
            new WhatIfLeadTime(LeadTimeSegments.Mean(segments[Arms.AsIs]), LeadTimeSegments.Mean(segments[Arms.ToBe])),
            loads.Busiest(), warnings, used, new BootstrapInfo(calculator.BootstrapSamples, seed, "percentile"), RatesUsed.Of(snapshot),
            [Method, ReportDefinitions.LeadTime, ReportDefinitions.Decomposition, ReportDefinitions.Cost, ReportDefinitions.Rates(snapshot), ReportDefinitions.Calendar(calendar),
                ReportDefinitions.Delta, ReportDefinitions.Bootstrap(calculator.BootstrapSamples, seed)],
            summary.Events, clock.Elapsed.TotalMilliseconds,
            new WhatIfTimings(simulateMs, rowsClock.Elapsed.TotalMilliseconds, summarising.Elapsed.TotalMilliseconds));
    }

    private static Reports.ArmVersion Version(WhatIfArm arm, List<ReportCaseRecord> rows) =>
        new(arm.Version.ProcessKey!, arm.Arm, arm.Version.DefinitionId, arm.Version.Version, rows.Count(r => r.Arm == arm.Arm), Included: true);
}
