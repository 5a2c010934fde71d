using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.Engine;
using Orchestrator.Server.Calendar;
using Orchestrator.Server.Reports;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Tests.Reports;

/// <summary>The lead-time decomposition on the office calendar: waiting outside opening hours is off-hours.</summary>
public sealed class LeadTimeDecompositionTests
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, Jst);

    // A fake calendar: 9:00–17:00 in Tokyo, with Monday 2026-11-23 a holiday.
    private static readonly OfficeCalendar Fake = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), new TimeOnly(9, 0), new TimeOnly(17, 0), [new DateOnly(2026, 11, 23)]);

    private static CaseRows OneTask(DateTimeOffset created, DateTimeOffset claimed, DateTimeOffset completed) => new(
        [new ExecutionRow("e1", "i1", 1, "intake", ActivityTypes.HumanTask, "受付", ActivityStatus.Completed, "Done", created, created, completed, "S-1",
            new StepMeasurement("S-1", "Municipality", "市民課", 1, 0, 0, 0, 0, null))],
        [new TaskRow("t1", "i1", "e1", HumanTaskStatus.Completed, "Municipality", "131016", "市民課", created, claimed, completed, "u1", 600, 10, false)],
        []);

    [Fact]
    public void A_task_created_Friday_17_00_and_claimed_Monday_9_00_queued_no_business_time_and_waited_64_hours_off_hours()
    {
        // Friday 2026-11-27 17:00 (closing time) → Monday 11-30 9:00 (opening time): the office was closed the whole wait.
        var rows = OneTask(At(27, 17), At(30, 9), At(30, 10));
        var parts = LeadTimeDecomposer.Decompose(At(27, 17), At(30, 10), rows, Fake);

        Assert.Equal(0, parts.Queue, 9);
        Assert.Equal(64, parts.OffHours, 9);      // Fri 17:00 → Mon 9:00
        Assert.Equal(1, parts.Touch, 9);          // Mon 9:00 → 10:00, claimed → completed
        Assert.Equal(0, parts.Other + parts.Handoff + parts.Resident + parts.System, 9);
        Assert.Equal(65, parts.Total, 9);         // the parts add up to the lead time
    }

    [Fact]
    public void Work_time_counts_office_hours_only_a_task_worked_over_closing_time_is_off_hours_overnight()
    {
        // Claimed Wednesday 11-25 16:30, completed Thursday 9:30: worked 16:30–17:00 and 9:00–9:30 = 1 h; 17:00 → 9:00 = 16 h off-hours.
        var rows = OneTask(At(25, 16, 30), At(25, 16, 30), At(26, 9, 30));
        var parts = LeadTimeDecomposer.Decompose(At(25, 16, 30), At(26, 9, 30), rows, Fake);
        Assert.Equal(1, parts.Touch, 9);
        Assert.Equal(16, parts.OffHours, 9);
        Assert.Equal(17, parts.Total, 9);
    }

    [Fact]
    public void Business_time_inside_the_wait_is_queue_and_a_holiday_is_off_hours()
    {
        // Created Friday 11-20 16:00, claimed Tuesday 11-24 10:00 (Monday is the fake holiday):
        // queue = Fri 16:00–17:00 + Tue 9:00–10:00 = 2 h; off-hours = Fri 17:00 → Tue 9:00 = 88 h.
        var rows = OneTask(At(20, 16), At(24, 10), At(24, 10, 30));
        var parts = LeadTimeDecomposer.Decompose(At(20, 15), At(24, 11), rows, Fake);

        Assert.Equal(2, parts.Queue, 9);
        Assert.Equal(88, parts.OffHours, 9);
        Assert.Equal(0.5, parts.Touch, 9);
        Assert.Equal(1 + 0.5, parts.Other, 9);     // Fri 15:00–16:00 before the task, Tue 10:30–11:00 after it
        Assert.Equal((At(24, 11) - At(20, 15)).TotalHours, parts.Total, 9);
    }

    [Fact]
    public void A_handoff_in_transit_and_a_resident_step_take_their_own_parts()
    {
        var rows = new CaseRows(
        [
            new ExecutionRow("r", "i1", 1, "visit", ActivityTypes.Delay, "再来庁", ActivityStatus.Completed, "Done", At(24, 9), At(24, 9), At(24, 10), "R-1",
                new StepMeasurement("R-1", "Resident", "住民", 0, 0, 1, 1, 60, null)),
            new ExecutionRow("h", "i1", 2, "send", ActivityTypes.Handoff, "送付", ActivityStatus.Completed, "Done", At(24, 10), At(24, 10), At(24, 12), null, null),
        ],
        [],
        [new HandoffRow(1, "i1", "h", ActivityTypes.Handoff, "Municipality", "131016", "National", "jps-pension", "Paper", At(24, 10), At(24, 12), 1, 0, "Completed")]);
        var parts = LeadTimeDecomposer.Decompose(At(24, 9), At(24, 12), rows, Fake);
        Assert.Equal(1, parts.Resident, 9);
        Assert.Equal(2, parts.Handoff, 9);
        Assert.Equal(3, parts.Total, 9);
    }

    [Fact]
    public async Task The_report_uses_the_calendar_file_of_the_options()
    {
        var directory = Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(directory);
        var calendarFile = Path.Combine(directory, "calendar.json");
        await File.WriteAllTextAsync(calendarFile, """{ "timeZone": "Asia/Tokyo", "opensAt": "09:00", "closesAt": "17:00", "yearEndClosure": true, "holidays": [] }""");
        await using var factory = OrchestratorFactory.On(directory, settings: new Dictionary<string, string?> { ["Reports:CalendarFile"] = calendarFile });
        var s = ReportDataset.At;
        await ReportDataset.WriteAsync(factory.Services,
        [
            new ReportDataset.Case("F1", "AsIs", s(11, 27, 17), s(11, 30, 10),
                [new ReportDataset.Step("S-1", "受付", "Municipality", "市民課", s(11, 27, 17), s(11, 30, 10), Effort: 20, Claimed: s(11, 30, 9))]),
        ]);
        var evaluator = await factory.SignInAsync("evaluator");
        var report = await evaluator.GetFromJsonAsync<JsonElement>("/api/reports/leadtime");
        var arm = report.GetProperty("processes")[0].GetProperty("asIs");
        var mean = arm.GetProperty("meanHours");
        Assert.Equal(0, mean.GetProperty("queue").GetDouble(), 9);
        Assert.Equal(64, mean.GetProperty("offHours").GetDouble(), 9);
        Assert.Equal(1, mean.GetProperty("touch").GetDouble(), 9);
        Assert.Equal(65, arm.GetProperty("leadTimeHours").GetProperty("mean").GetDouble(), 9);
        Assert.Equal(1, arm.GetProperty("leadTimeBusinessHours").GetProperty("mean").GetDouble(), 9);
        Assert.Contains(report.GetProperty("definitions").EnumerateArray(), d => d.GetString()!.Contains("09:00–17:00"));
    }
}
