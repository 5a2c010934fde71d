using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Engine;
using Orchestrator.Server.Agencies;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Server.Tests.Reports;

/// <summary>
/// Writes finished cases straight into the store, as a simulated pilot does: instance, activity executions, clerk
/// tasks and handoffs. Times are JST; every figure a report shows can be computed by hand from what is written here.
/// </summary>
public sealed class ReportDataset
{
    public static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    public static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Jst);

    /// <summary>
    /// A step. Sources maps a figure ("forms", "residentVisits" …) to its declared source; Costs are (kind, yen, source,
    /// payer); Outcome is the port it left by, a rework outcome when Rework is set.
    /// </summary>
    public sealed record Step(
        string StepCode, string Name, string ActorLevel, string? ActorRole, DateTimeOffset Started, DateTimeOffset Completed,
        double Forms = 0, double Transcribed = 0, double Visits = 0, double Documents = 0, double ResidentMinutes = 0,
        string ActivityType = ActivityTypes.HumanTask, double? Effort = null, bool Edited = false, DateTimeOffset? Claimed = null,
        string? OrgCode = null, string? ClerkId = null, string? VisitGroup = null, IReadOnlyDictionary<string, string>? Sources = null,
        IReadOnlyList<(string Kind, double Yen, string? Source, string? Payer)>? Costs = null, string Outcome = "Done", bool Rework = false);

    public sealed record Handoff(string FromLevel, string FromCode, string ToLevel, string ToCode, DateTimeOffset Sent, DateTimeOffset? Received, int Failures = 0);

    public sealed record Case(
        string Id, string Arm, DateTimeOffset Start, DateTimeOffset Finish, IReadOnlyList<Step> Steps, IReadOnlyList<Handoff>? Handoffs = null,
        string ProcessKey = "okuyami", string? CycleId = "cycle-1", string Municipality = "131016", bool Simulated = false, string PilotId = "pilot-1",
        int Version = 1, string? CaseKey = null);

    public static async Task WriteAsync(IServiceProvider services, IEnumerable<Case> cases)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var c in cases)
        {
            db.WorkflowInstances.Add(new WorkflowInstanceRecord
            {
                Id = c.Id, DefinitionId = $"{c.ProcessKey}-{c.Arm.ToLowerInvariant()}", DefinitionVersionId = $"{c.ProcessKey}-{c.Arm.ToLowerInvariant()}-v{c.Version}", DefinitionVersion = c.Version,
                ProcessKey = c.ProcessKey, Arm = c.Arm, Status = WorkflowStatus.Finished, StateJson = "{}", PilotId = c.PilotId, CycleId = c.CycleId,
                CaseId = c.CaseKey ?? "CASE-" + c.Id, MunicipalityCode = c.Municipality, Simulated = c.Simulated, CreatedAt = c.Start, UpdatedAt = c.Finish,
                FinishedAt = c.Finish,
            });
            var sequence = 0;
            db.ActivityExecutions.Add(Plumbing(c, ++sequence, "start", ActivityTypes.Start, c.Start));
            var repeats = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var s in c.Steps)
            {
                // A step run again (after rework) is a second execution of its own.
                var repeat = repeats[s.StepCode] = repeats.GetValueOrDefault(s.StepCode) + 1;
                var executionId = repeat == 1 ? $"{c.Id}-{s.StepCode}" : $"{c.Id}-{s.StepCode}-{repeat}";
                var measurement = new JsonObject
                {
                    ["stepCode"] = s.StepCode, ["actorOrgLevel"] = s.ActorLevel, ["actorRole"] = s.ActorRole, ["forms"] = s.Forms,
                    ["transcribedItems"] = s.Transcribed, ["residentVisits"] = s.Visits, ["residentDocuments"] = s.Documents,
                    ["residentMinutes"] = s.ResidentMinutes,
                };
                if (s.VisitGroup is not null)
                    measurement["visitGroup"] = s.VisitGroup;
                if (s.Sources is not null)
                    measurement["provenance"] = new JsonObject(s.Sources.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)new JsonObject { ["source"] = p.Value, ["basis"] = "テスト" })));
                if (s.Costs is not null)
                    measurement["costs"] = new JsonArray(s.Costs.Select(x => (JsonNode?)new JsonObject { ["kind"] = x.Kind, ["yen"] = x.Yen, ["source"] = x.Source, ["payer"] = x.Payer }).ToArray());
                if (s.Rework)
                    measurement["outcomes"] = new JsonObject { [s.Outcome] = new JsonObject { ["rework"] = true } };
                db.ActivityExecutions.Add(new ActivityExecutionRow
                {
                    Id = executionId, InstanceId = c.Id, Sequence = ++sequence, ActivityId = s.StepCode.ToLowerInvariant(), ActivityType = s.ActivityType,
                    ActivityName = s.Name, Status = ActivityStatus.Completed, Outcome = s.Outcome, ScheduledAt = s.Started, StartedAt = s.Started,
                    CompletedAt = s.Completed, StepCode = s.StepCode, MeasurementJson = measurement.ToJsonString(),
                });
                if (s.Effort is { } effort)
                {
                    var claimed = s.Claimed ?? s.Started;
                    db.HumanTasks.Add(new HumanTaskRecord
                    {
                        Id = "task-" + executionId, InstanceId = c.Id, BookmarkId = "bm-" + executionId, ActivityExecutionId = executionId,
                        ActivityId = s.StepCode.ToLowerInvariant(), ActivityType = ActivityTypes.HumanTask, Title = s.Name, ProcessKey = c.ProcessKey, Arm = c.Arm,
                        AssigneeOrgLevel = s.ActorLevel, AssigneeOrgCode = s.OrgCode ?? c.Municipality, AssigneeRole = s.ActorRole, StepCode = s.StepCode,
                        Status = HumanTaskStatus.Completed, CreatedAt = s.Started, ClaimedAt = claimed, ClaimedById = s.ClerkId ?? "user-1",
                        CompletedAt = s.Completed, CompletedById = s.ClerkId ?? "user-1", CompletedByName = "架空 職員",
                        // The measured active time is the unedited effort; an edited report differs from it.
                        ActiveSeconds = (s.Edited ? effort - 4 : effort) * 60, EffortMinutes = effort, EffortEdited = s.Edited, Outcome = "Done",
                    });
                }
            }
            foreach (var (h, i) in (c.Handoffs ?? []).Select((h, i) => (h, i)))
            {
                var executionId = $"{c.Id}-handoff-{i}";
                db.ActivityExecutions.Add(new ActivityExecutionRow
                {
                    Id = executionId, InstanceId = c.Id, Sequence = ++sequence, ActivityId = $"handoff-{i}", ActivityType = ActivityTypes.Handoff,
                    ActivityName = "書類の送付", Status = ActivityStatus.Completed, Outcome = "Done", ScheduledAt = h.Sent, StartedAt = h.Sent,
                    CompletedAt = h.Received ?? h.Sent,
                });
                db.Handoffs.Add(new HandoffRecord
                {
                    InstanceId = c.Id, ActivityExecutionId = executionId, ActivityId = $"handoff-{i}", ActivityType = ActivityTypes.Handoff,
                    SenderOrgLevel = h.FromLevel, SenderOrgCode = h.FromCode, ReceiverOrgLevel = h.ToLevel, ReceiverOrgCode = h.ToCode,
                    Channel = HandoffChannel.Paper, SentAt = h.Sent, ReceivedAt = h.Received, Attempts = 1 + h.Failures, Failures = h.Failures,
                    Outcome = h.Received is null ? "Failed" : "Completed",
                });
            }
            db.ActivityExecutions.Add(Plumbing(c, ++sequence, "end", ActivityTypes.End, c.Finish));
        }
        await db.SaveChangesAsync();
    }

    private static ActivityExecutionRow Plumbing(Case c, int sequence, string id, string type, DateTimeOffset at) => new()
    {
        Id = $"{c.Id}-{id}", InstanceId = c.Id, Sequence = sequence, ActivityId = id, ActivityType = type, Status = ActivityStatus.Completed,
        ScheduledAt = at, StartedAt = at, CompletedAt = at,
    };

    /// <summary>
    /// The hand-computed dataset: three as-is and two to-be おくやみ cases of 千代田区 (131016), June 2026, all inside
    /// office hours. Rates (fixtures/rates.json, from 2026-04-01): 市民課 ¥3,300/h, 保険年金課 ¥3,800/h, 年金事務所 ¥4,200/h.
    /// </summary>
    public static IReadOnlyList<Case> HandComputed() =>
    [
        new("A1", "AsIs", At(6, 1, 9), At(6, 1, 12),
        [
            new("OK-01", "死亡届受付", "Municipality", "市民課", At(6, 1, 9), At(6, 1, 9, 30), Forms: 1, Transcribed: 8, Visits: 1, Documents: 2, ResidentMinutes: 45, Effort: 15, Claimed: At(6, 1, 9, 10)),
            new("OK-03", "国民健康保険 資格喪失", "Municipality", "保険年金課", At(6, 1, 9, 30), At(6, 1, 10, 30), Forms: 3, Transcribed: 24, Visits: 1, Documents: 2, ResidentMinutes: 40, Effort: 24, Edited: true, Claimed: At(6, 1, 10)),
            new("OK-09", "年金事務所 受給権者死亡届", "National", "年金事務所", At(6, 1, 11), At(6, 1, 12), Forms: 2, Transcribed: 16, Visits: 1, Documents: 3, ResidentMinutes: 90, Effort: 30, OrgCode: "jps-pension"),
        ], [new("Municipality", "131016", "National", "jps-pension", At(6, 1, 10, 30), At(6, 1, 11))]),
        new("A2", "AsIs", At(6, 2, 9), At(6, 2, 11),
        [
            new("OK-01", "死亡届受付", "Municipality", "市民課", At(6, 2, 9), At(6, 2, 9, 20), Forms: 1, Transcribed: 8, Visits: 1, Documents: 2, ResidentMinutes: 45, Effort: 10),
            new("OK-03", "国民健康保険 資格喪失", "Municipality", "保険年金課", At(6, 2, 9, 20), At(6, 2, 9, 40), Forms: 3, Transcribed: 24, Visits: 1, Documents: 2, ResidentMinutes: 40, Effort: 20),
            new("OK-09", "年金事務所 受給権者死亡届", "National", "年金事務所", At(6, 2, 10), At(6, 2, 11), Forms: 2, Transcribed: 16, Visits: 1, Documents: 3, ResidentMinutes: 90, Effort: 30, OrgCode: "jps-pension"),
        ], [new("Municipality", "131016", "National", "jps-pension", At(6, 2, 9, 40), At(6, 2, 10, 30)), new("Municipality", "131016", "National", "jps-pension", At(6, 2, 9, 40), null, Failures: 2)]),
        new("A3", "AsIs", At(6, 3, 9), At(6, 3, 13),
        [
            new("OK-01", "死亡届受付", "Municipality", "市民課", At(6, 3, 9), At(6, 3, 9, 40), Forms: 1, Transcribed: 8, Visits: 1, Documents: 2, ResidentMinutes: 45, Effort: 12),
            new("OK-03", "国民健康保険 資格喪失", "Municipality", "保険年金課", At(6, 3, 9, 40), At(6, 3, 10, 40), Forms: 3, Transcribed: 24, Visits: 1, Documents: 2, ResidentMinutes: 40, Effort: 18),
            new("OK-09", "年金事務所 受給権者死亡届", "National", "年金事務所", At(6, 3, 12), At(6, 3, 13), Forms: 2, Transcribed: 16, Visits: 1, Documents: 3, ResidentMinutes: 90, Effort: 36, OrgCode: "jps-pension"),
        ], [new("Municipality", "131016", "National", "jps-pension", At(6, 3, 10, 40), At(6, 3, 12))]),
        new("T1", "ToBe", At(6, 1, 10), At(6, 1, 11),
        [
            new("OK-11", "おくやみコーナー 一括聞き取り", "Municipality", "市民課", At(6, 1, 10), At(6, 1, 10, 40), Forms: 1, Transcribed: 8, Visits: 1, Documents: 2, ResidentMinutes: 60, Effort: 25),
            new("OK-09", "年金事務所へ死亡を通知", "System", "住基ネット", At(6, 1, 10, 40), At(6, 1, 10, 41), ActivityType: ActivityTypes.AgencyCall),
        ]),
        new("T2", "ToBe", At(6, 2, 10), At(6, 2, 10, 30),
        [
            new("OK-11", "おくやみコーナー 一括聞き取り", "Municipality", "市民課", At(6, 2, 10), At(6, 2, 10, 20), Forms: 1, Transcribed: 8, Visits: 1, Documents: 2, ResidentMinutes: 60, Effort: 18),
            new("OK-03", "国民健康保険 資格喪失 (電子通知)", "Municipality", "保険年金課", At(6, 2, 10, 20), At(6, 2, 10, 30), Effort: 5),
        ]),
    ];
}
