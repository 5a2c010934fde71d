using static Orchestrator.Engine.Tests.TestWorkflows;

namespace Orchestrator.Engine.Tests;

public sealed class TimerTests
{
    [Fact]
    public async Task Delay_bookmark_is_due_after_the_time_span_and_resumes_on_the_fake_clock()
    {
        var (runner, clock) = Runner();
        var d = WorkflowDefinitionJson.Read(Chain("[]", ("wait", Act("wait", "Elsa.Delay", Lit("timeSpan", "02:30:00", "TimeSpan")))));
        var state = await runner.StartAsync(d);
        var bookmark = Assert.Single(state.Bookmarks);
        Assert.Equal(BookmarkKind.Timer, bookmark.Kind);
        Assert.Equal(T0.AddHours(2.5), bookmark.DueAt);
        Assert.Equal(WorkflowStatus.Suspended, state.Status);

        clock.Advance(TimeSpan.FromHours(2));
        await Assert.ThrowsAsync<InvalidOperationException>(() => runner.ResumeAsync(d, state, bookmark.Id));

        clock.Advance(TimeSpan.FromMinutes(30));
        state = await runner.ResumeAsync(d, state, bookmark.Id);
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        var wait = state.Journal.Single(r => r.ActivityId == "wait");
        Assert.Equal(T0, wait.StartedAt);
        Assert.Equal(T0.AddHours(2.5), wait.CompletedAt);
        Assert.Equal(T0.AddHours(2.5), state.FinishedAt);
    }

    [Fact]
    public async Task Cron_with_seconds_waits_for_the_next_occurrence()
    {
        var (runner, clock) = Runner();
        clock.Advance(TimeSpan.FromHours(10)); // 10:00:00
        var d = WorkflowDefinitionJson.Read(Chain("[]", ("cron", Act("cron", "Elsa.Cron", Lit("cronExpression", "30 15 9 * * *")))));
        var state = await runner.StartAsync(d);
        Assert.Equal(new DateTimeOffset(2026, 1, 6, 9, 15, 30, TimeSpan.Zero), Assert.Single(state.Bookmarks).DueAt);
    }

    [Fact]
    public async Task Cron_start_with_canStartWorkflow_is_a_trigger_and_completes_at_once()
    {
        var json = Flow(
            """{ "id": "cron", "type": "Elsa.Cron", "customProperties": { "canStartWorkflow": true }, "cronExpression": "0 0 9 * * MON-FRI" },""" + Act("w", "Elsa.WriteLine", Lit("text", "朝の集計")),
            C("cron", "w"));
        var d = WorkflowDefinitionJson.Read(json);
        var trigger = Assert.Single(WorkflowTriggers.GetTriggers(d));
        Assert.Equal(new WorkflowTrigger("cron", "Elsa.Cron", "0 0 9 * * MON-FRI", null), trigger);

        var (runner, _) = Runner();
        var state = await runner.StartAsync(d);
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal("cron:Done w:Done", state.Path());
    }

    [Fact]
    public void Timer_trigger_lists_its_interval()
    {
        var d = WorkflowDefinitionJson.Read(Flow("""{ "id": "t", "type": "Elsa.Timer", "canStartWorkflow": true, "interval": "00:15:00" }""", ""));
        Assert.Equal(new WorkflowTrigger("t", "Elsa.Timer", null, TimeSpan.FromMinutes(15)), Assert.Single(WorkflowTriggers.GetTriggers(d)));
        Assert.Empty(WorkflowTriggers.GetTriggers(WorkflowDefinitionJson.Read(Chain("[]"))));
    }

    [Fact]
    public async Task StartAt_in_the_past_completes_and_in_the_future_waits()
    {
        var (runner, _) = Runner();
        var past = await runner.StartAsync(WorkflowDefinitionJson.Read(Chain("[]", ("at", Act("at", "Elsa.StartAt", Lit("dateTime", "2026-01-01T00:00:00Z", "DateTimeOffset"))))));
        Assert.Equal(WorkflowStatus.Finished, past.Status);
        var future = await runner.StartAsync(WorkflowDefinitionJson.Read(Chain("[]", ("at", Act("at", "Elsa.StartAt", Lit("dateTime", "2026-01-07T09:00:00+09:00", "DateTimeOffset"))))));
        Assert.Equal(new DateTimeOffset(2026, 1, 7, 0, 0, 0, TimeSpan.Zero), Assert.Single(future.Bookmarks).DueAt);
    }

    [Fact]
    public async Task Handoff_is_due_after_its_transit_time_and_records_receipt()
    {
        var (runner, clock) = Runner();
        var d = WorkflowDefinitionJson.Read(Chain("[]", ("h", Act("h", "Orchestrator.Handoff",
            Lit("fromOrgLevel", "Municipality") + "," + Lit("fromOrgCode", "131016") + "," + Lit("toOrgLevel", "National") + "," + Lit("toOrgCode", "jps-pension")
            + "," + Lit("channel", "Mail") + "," + Lit("transitTime", "2.00:00:00", "TimeSpan")))));
        var state = await runner.StartAsync(d);
        var b = Assert.Single(state.Bookmarks);
        Assert.Equal(BookmarkKind.Handoff, b.Kind);
        Assert.Equal(T0.AddDays(2), b.DueAt);
        Assert.Equal("Mail", (string?)b.Payload!["channel"]);
        Assert.Equal("jps-pension", (string?)b.Payload!["toOrgCode"]);
        Assert.Equal("2.00:00:00", (string?)b.Payload!["transitTime"]);
        clock.Advance(TimeSpan.FromDays(2));
        state = await runner.ResumeAsync(d, state, b.Id);
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal(T0.AddDays(2).ToString("O"), (string?)state.Journal.Single(r => r.ActivityId == "h").Outputs!["receivedAt"]);
    }
}
