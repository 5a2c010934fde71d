using System.Text.Json.Nodes;
using static Orchestrator.Server.Tests.Runtime.TestWorkflows;

namespace Orchestrator.Server.Tests.Tasks;

public static class TaskWorkflows
{
    public static JsonObject Obj(JsonNode value) =>
        new() { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = value } };

    public static JsonObject HumanTask(string id, string title, string orgLevel, string orgCode, JsonArray formFields, JsonArray outcomes, string? role = null, string? dueIn = null)
    {
        var task = Activity(id, "Orchestrator.HumanTask",
            ("title", Literal(title)),
            ("instructions", Literal("申請書の記載内容を確認してください。")),
            ("assigneeOrgLevel", Literal(orgLevel)),
            ("assigneeOrgCode", Literal(orgCode)),
            ("formFields", Obj(formFields)),
            ("outcomes", Obj(outcomes)));
        if (role is not null) task["assigneeRole"] = Literal(role);
        if (dueIn is not null) task["dueIn"] = Literal(dueIn, "TimeSpan");
        task["customProperties"] = new JsonObject
        {
            ["measurement"] = new JsonObject
            {
                ["stepCode"] = $"T-{id}", ["actorOrgLevel"] = orgLevel, ["forms"] = 2, ["transcribedItems"] = 12,
                ["residentVisits"] = 1, ["residentDocuments"] = 3,
            },
        };
        return task;
    }

    public static JsonArray IntakeForm() =>
    [
        new JsonObject { ["name"] = "count", ["label"] = "件数", ["type"] = "number", ["required"] = true, ["min"] = 1, ["max"] = 10 },
        new JsonObject { ["name"] = "filedOn", ["label"] = "届出日", ["type"] = "date", ["required"] = true },
        new JsonObject { ["name"] = "kind", ["label"] = "区分", ["type"] = "choice", ["options"] = new JsonArray("死亡", "転出") },
        new JsonObject { ["name"] = "applicant", ["label"] = "申請者番号", ["type"] = "text", ["pattern"] = "[A-Z]{2}-[0-9]{4}" },
        new JsonObject { ["name"] = "checked", ["label"] = "本人確認", ["type"] = "checkbox", ["required"] = true },
    ];

    /// <summary>
    /// Intake at 千代田区 (承認 / 差戻し); on 承認 a confirmation at 東京都; then End. Two organisations, as the
    /// inbox must handle.
    /// </summary>
    public static JsonObject TwoOrganisations(string definitionId) => Definition(definitionId,
        [
            Activity("start", "Elsa.Start"),
            HumanTask("intake", "死亡届の受付", "Municipality", "131016", IntakeForm(), ["承認", "差戻し"], role: "市民課"),
            HumanTask("confirm", "県への報告確認", "Prefecture", "13", [], ["Done"]),
            Activity("end", "Elsa.End"),
        ],
        [Connection("start", "intake"), Connection("intake", "confirm", "承認"), Connection("intake", "end", "差戻し"), Connection("confirm", "end")]);

    public static object ValidIntake => new { count = 3, filedOn = "2026-11-20", kind = "死亡", applicant = "AB-1234", @checked = true };

    /// <summary>A task due in an hour; with <paramref name="branchOnExpiry"/> its workflow has an Expired port.</summary>
    public static JsonObject DueInAnHour(string definitionId, bool branchOnExpiry)
    {
        JsonArray outcomes = branchOnExpiry ? ["Done", "Expired"] : ["Done"];
        var activities = new JsonArray
        {
            Activity("start", "Elsa.Start"),
            HumanTask("review", "期限付きの確認", "Municipality", "131016", [], outcomes, dueIn: "01:00:00"),
            Activity("end", "Elsa.End"),
        };
        var connections = new JsonArray { Connection("start", "review"), Connection("review", "end") };
        if (branchOnExpiry)
        {
            activities.Add(Activity("late", "Elsa.WriteLine", ("text", Literal("期限切れ"))));
            connections.Add(Connection("review", "late", "Expired"));
            connections.Add(Connection("late", "end"));
        }
        return Definition(definitionId, activities, connections);
    }

    /// <summary>An imported Elsa workflow: RunTask, its result bound to a variable.</summary>
    public static JsonObject RunTask(string definitionId) => Definition(definitionId,
        [
            Activity("start", "Elsa.Start"),
            Activity("task", "Elsa.RunTask",
                ("taskName", Literal("書類の確認")),
                ("payload", Obj(new JsonObject { ["documents"] = 3 })),
                ("result", new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "answer" } })),
            Activity("end", "Elsa.End"),
        ],
        [Connection("start", "task"), Connection("task", "end")],
        [Variable("answer", "Object", null)]);
}
