using Orchestrator.Engine;
using Orchestrator.Server.Calendar;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Reports;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Tests.Reports;

/// <summary>業務数, automated steps, resident procedures and trips of one case, computed from its rows.</summary>
public sealed class StepAndTripCountTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(9));
    private static readonly ReportCalendar Calendar = new(
        new OfficeCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), new TimeOnly(8, 30), new TimeOnly(17, 15), []), "test", "test");
    private static readonly RateTableSnapshot Rates = new(1, RateTable.Create(new RateDocument(null, "JPY", 1900, null,
        [new RateEntry("Municipality", null, 4000, null, null, true, null)])), "test", Start, null);

    /// <summary>A completed step; a clerk's (Municipality) step has a task of 10 minutes.</summary>
    private sealed record S(string Code, string Level, string Type = ActivityTypes.HumanTask, double Visits = 0, string? Group = null);

    private static ReportCaseRecord Facts(params S[] steps)
    {
        var executions = steps.Select((s, i) => new ExecutionRow($"e{i}", "c", i + 1, s.Code.ToLowerInvariant(), s.Type, s.Code, ActivityStatus.Completed, "Done",
            Start.AddMinutes(10 * i), Start.AddMinutes(10 * i), Start.AddMinutes(10 * i + 10), s.Code,
            new StepMeasurement(s.Code, s.Level, null, 0, 0, s.Visits, 0, 0, null, s.Group, [], new HashSet<string>(), new Dictionary<string, Provenance>())))
            .ToList();
        var tasks = steps.Select((s, i) => (s, i)).Where(x => x.s.Type == ActivityTypes.HumanTask)
            .Select(x => new TaskRow($"t{x.i}", "c", $"e{x.i}", HumanTaskStatus.Completed, x.s.Level, "131016", null, Start.AddMinutes(10 * x.i),
                Start.AddMinutes(10 * x.i), Start.AddMinutes(10 * x.i + 10), "u", 600, 10, false))
            .ToList();
        var instance = new CaseFacts.Instance("c", "p", "AsIs", "p-asis", 1, null, null, null, "131016", false, false, Start, Start.AddHours(2));
        return CaseFacts.Compute(instance, new CaseRows(executions, tasks, []), Rates, Calendar).Case;
    }

    [Fact]
    public void Business_steps_count_staff_steps_only_and_do_not_change_when_a_System_step_is_added_elsewhere_in_the_case()
    {
        var manual = Facts(new S("A", "Municipality"), new S("B", "Municipality"), new S("C", "Municipality"));
        Assert.Equal(3, manual.Steps);
        Assert.Equal(0, manual.AutomatedSteps);

        // A System step elsewhere in the case (a lookup the reform added): 業務数 stays 3, the automated step is beside it.
        var withLookup = Facts(new S("A", "Municipality"), new S("X", "System", ActivityTypes.AgencyCall), new S("B", "Municipality"), new S("C", "Municipality"));
        Assert.Equal(3, withLookup.Steps);
        Assert.Equal(1, withLookup.AutomatedSteps);

        // C becomes a System step: one 業務 fewer, one automated step more — never counted in both, never folded together.
        var automated = Facts(new S("A", "Municipality"), new S("X", "System", ActivityTypes.AgencyCall), new S("B", "Municipality"),
            new S("C", "System", ActivityTypes.AgencyCall));
        Assert.Equal(2, automated.Steps);
        Assert.Equal(2, automated.AutomatedSteps);

        // The resident's own procedure is a third count; an agency call without an actor is the system's.
        var resident = Facts(new S("A", "Municipality"), new S("R", "Resident", ActivityTypes.Delay), new S("Y", null!, ActivityTypes.AgencyCall));
        Assert.Equal(1, resident.Steps);
        Assert.Equal(1, resident.ResidentProcedures);
        Assert.Equal(1, resident.AutomatedSteps);
        // A step run twice (after rework) is one 業務.
        Assert.Equal(1, Facts(new S("A", "Municipality"), new S("A", "Municipality")).Steps);
    }

    [Fact]
    public void Steps_sharing_a_visit_group_are_one_trip_and_a_step_without_one_counts_its_own_visits()
    {
        // The bereaved visit three counters of the city hall in one go, and the pension office another day.
        var trips = Facts(
            new S("OK-03", "Municipality", Visits: 1, Group: "市役所"), new S("OK-04", "Municipality", Visits: 1, Group: "市役所"),
            new S("OK-05", "Municipality", Visits: 1, Group: "市役所"), new S("OK-09", "National", Visits: 1));
        Assert.Equal(2, trips.ResidentVisits);

        // Two groups are two trips; a step of a group without a visit does not make a trip of it.
        Assert.Equal(2, Facts(new S("A", "Municipality", Visits: 1, Group: "g1"), new S("B", "Municipality", Visits: 1, Group: "g2"),
            new S("C", "Municipality", Group: "g3")).ResidentVisits);
        // Without groups every visit counts, as before.
        Assert.Equal(3, Facts(new S("A", "Municipality", Visits: 1), new S("B", "Municipality", Visits: 1), new S("C", "Municipality", Visits: 1)).ResidentVisits);
    }
}
