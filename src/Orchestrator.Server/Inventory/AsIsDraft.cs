using System.Globalization;
using System.Text.Json.Nodes;
using Orchestrator.Engine;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Inventory;

/// <summary>
/// The as-is workflow a procedure's inventory implies, as Elsa 3 definition JSON: for each data flow in order, a
/// handoff with today's means of transfer and a clerk's task with the flow's burden figures (the task sits with the
/// receiving organisation, or with the sender when the resident receives). Lanes follow each step's
/// measurement.actorOrgLevel. Every figure's provenance and basis travel in customProperties.inventory.
/// </summary>
public static class AsIsDraft
{
    private const string DraftSuffix = " (現行・インベントリから作成)";
    private const int ColumnWidth = 260;
    private const int LaneHeight = 160;
    private static readonly string[] Lanes = ["Resident", "Municipality", "Prefecture", "National", "System"];

    public static string DefinitionIdFor(Procedure p) => $"inventory-{p.Code.ToLowerInvariant().Replace('_', '-')}-asis";

    public static string ProcessKeyFor(Procedure p) => p.ProcessKey ?? p.Code.ToLowerInvariant().Replace('_', '-');

    public static JsonObject Create(Procedure p, DateTimeOffset now)
    {
        var activities = new JsonArray();
        var connections = new JsonArray();
        var column = 0;
        string? previous = null;

        void Add(JsonObject activity, string lane)
        {
            activity["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = Position(column++, lane) } };
            activities.Add(activity);
            var id = activity["id"]!.GetValue<string>();
            if (previous is not null)
                connections.Add(Connection(previous, "Done", id));
            previous = id;
        }

        Add(new JsonObject { ["id"] = "start", ["name"] = "開始", ["type"] = "Elsa.Start", ["version"] = 1, ["customProperties"] = new JsonObject() },
            FirstLane(p));
        foreach (var flow in p.DataFlows.OrderBy(f => f.Number))
        {
            var clerkAtSender = flow.ToLevel == PartyLevel.Resident;
            var handoff = Handoff(p, flow);
            var task = Task(p, flow, clerkAtSender);
            if (clerkAtSender)
            {
                Add(task, Level(flow.FromLevel));
                Add(handoff, HandoffActor(flow));
            }
            else
            {
                Add(handoff, HandoffActor(flow));
                Add(task, Level(flow.ToLevel));
            }
        }
        Add(new JsonObject { ["id"] = "end", ["name"] = "終了", ["type"] = "Elsa.End", ["version"] = 1, ["customProperties"] = new JsonObject() },
            p.DataFlows.Count == 0 ? FirstLane(p) : Level(p.DataFlows.MaxBy(f => f.Number)!.ToLevel));

        return new JsonObject
        {
            ["definitionId"] = DefinitionIdFor(p),
            ["name"] = Clip(p.NameJa, WorkflowValidator.MaxNameLength - DraftSuffix.Length) + DraftSuffix,
            ["description"] = Description(p),
            ["version"] = 1,
            ["toolVersion"] = "3.3.0.0",
            ["variables"] = new JsonArray(Variable("municipalityCode"), Variable("caseId")),
            ["inputs"] = new JsonArray(),
            ["outputs"] = new JsonArray(),
            ["outcomes"] = new JsonArray(),
            ["customProperties"] = new JsonObject
            {
                ["orchestrator"] = new JsonObject
                {
                    ["processKey"] = ProcessKeyFor(p),
                    ["arm"] = "AsIs",
                    ["title"] = new JsonObject { ["ja"] = p.NameJa, ["en"] = p.NameEn ?? p.NameJa },
                },
                ["inventory"] = new JsonObject
                {
                    ["procedureCode"] = p.Code,
                    ["generatedAt"] = now.ToString("O", CultureInfo.InvariantCulture),
                    ["figures"] = Figures(ProcedureFigures.All.Select(s => (s.JsonName, s.Get(p)))),
                },
            },
            ["options"] = new JsonObject(),
            ["root"] = new JsonObject
            {
                ["type"] = "Elsa.Flowchart",
                ["id"] = "flowchart1",
                ["activities"] = activities,
                ["connections"] = connections,
                ["variables"] = new JsonArray(),
            },
        };
    }

    private static JsonObject Handoff(Procedure p, DataFlow flow)
    {
        var means = flow.Means!.Value;
        var activity = new JsonObject
        {
            ["id"] = $"flow{flow.Number}-handoff",
            ["name"] = Clip($"{Party(flow.FromLevel, flow.FromOrganisation)} → {Party(flow.ToLevel, flow.ToOrganisation)} ({InventoryLabels.Of(means)})", WorkflowValidator.MaxNameLength),
            ["type"] = "Orchestrator.Handoff",
            ["version"] = 1,
            ["description"] = FlowDescription(flow),
            ["customProperties"] = new JsonObject
            {
                ["measurement"] = Measurement($"{p.Code}-{flow.Number:00}H", HandoffActor(flow),
                    HandoffActor(flow) == Level(flow.FromLevel) ? flow.FromOrganisation : null),
                ["inventory"] = FlowLink(p, flow, []),
            },
            ["fromOrgLevel"] = Literal("String", Level(flow.FromLevel)),
            ["toOrgLevel"] = Literal("String", Level(flow.ToLevel)),
            ["channel"] = Literal("String", Channel(means)),
        };
        if (flow.TransitDays.Value is { } days)
            activity["transitTime"] = Literal("TimeSpan", TimeSpan.FromDays(days).ToString("c", CultureInfo.InvariantCulture));
        return activity;
    }

    private static JsonObject Task(Procedure p, DataFlow flow, bool clerkAtSender)
    {
        var level = clerkAtSender ? flow.FromLevel : flow.ToLevel;
        var organisation = clerkAtSender ? flow.FromOrganisation : flow.ToOrganisation;
        var carried = flow.Means == TransferMeans.ResidentCarried;
        var measurement = Measurement($"{p.Code}-{flow.Number:00}", Level(level), organisation);
        // The reports read each figure's source and basis from measurement.provenance.
        var provenance = new JsonObject();
        void Source(string key, Figure figure)
        {
            if (figure.Source is { } source)
                provenance[key] = new JsonObject { ["source"] = Provenances.NameOf(source), ["basis"] = figure.Basis };
        }
        if (flow.ClerkMinutes.Value is { } minutes)
        {
            measurement["standardEffortMinutes"] = new JsonObject { ["min"] = minutes, ["mode"] = minutes, ["max"] = minutes };
            Source("standardEffortMinutes", flow.ClerkMinutes);
        }
        if (flow.RekeyedFields.Value is { } rekeyed)
        {
            measurement["transcribedItems"] = rekeyed;
            Source("transcribedItems", flow.RekeyedFields);
        }
        if (flow.Documents.Value is { } documents)
        {
            measurement["forms"] = documents;
            measurement["residentDocuments"] = carried ? documents : 0;
            Source("forms", flow.Documents);
            if (carried)
                Source("residentDocuments", flow.Documents);
        }
        measurement["residentVisits"] = carried ? 1 : 0;
        if (carried)
            provenance["residentVisits"] = new JsonObject
            {
                ["source"] = Provenances.NameOf(Provenance.Estimated),
                ["basis"] = $"連携手段「{InventoryLabels.Of(TransferMeans.ResidentCarried)}」: 住民が書類を持参して 1 回来庁する",
            };
        if (provenance.Count > 0)
            measurement["provenance"] = provenance;

        var title = Clip(clerkAtSender
            ? $"{Party(level, organisation)}: {p.NameJa} 作成・交付"
            : $"{Party(level, organisation)}: {p.NameJa} 受付・入力", WorkflowValidator.MaxNameLength);
        var activity = new JsonObject
        {
            ["id"] = $"flow{flow.Number}-task",
            ["name"] = title,
            ["type"] = "Orchestrator.HumanTask",
            ["version"] = 1,
            ["description"] = FlowDescription(flow),
            ["customProperties"] = new JsonObject
            {
                ["measurement"] = measurement,
                ["inventory"] = FlowLink(p, flow, DataFlowFigures.All.Select(s => (s.JsonName, s.Get(flow)))),
            },
            ["title"] = Literal("String", title),
            ["instructions"] = Literal("String", $"連携 {flow.Number} のデータ項目を確認し、入力してください。"),
            ["assigneeOrgLevel"] = Literal("String", Level(level)),
            ["outcomes"] = new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = new JsonArray("Done") } },
            ["formFields"] = new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = FormFields(flow) } },
        };
        if (level == PartyLevel.Municipality)
            activity["assigneeOrgCode"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "getVariable('municipalityCode')" } };
        if (!string.IsNullOrEmpty(organisation))
            activity["assigneeRole"] = Literal("String", organisation);
        return activity;
    }

    /// <summary>One form field per data item the clerk handles: today these are keyed again.</summary>
    private static JsonArray FormFields(DataFlow flow) => new(flow.Items.OrderBy(i => i.Number).Select((item, i) => (JsonNode)new JsonObject
    {
        ["name"] = $"item{i + 1}",
        ["label"] = item.Name,
        ["type"] = item.Type switch
        {
            DataItemType.Number => "number",
            DataItemType.Date => "date",
            DataItemType.Flag => "checkbox",
            _ => "text",
        },
        ["required"] = false,
    }).ToArray());

    private static JsonObject FlowLink(Procedure p, DataFlow flow, IEnumerable<(string Key, Figure Figure)> figures) => new()
    {
        ["procedureCode"] = p.Code,
        ["dataFlow"] = flow.Number,
        ["transferMeans"] = flow.Means?.ToString(),
        ["dataItems"] = new JsonArray(flow.Items.OrderBy(i => i.Number).Select(i => (JsonNode)JsonValue.Create(i.Name)!).ToArray()),
        ["figures"] = Figures(figures),
    };

    /// <summary>Each figure given, with its value, provenance and basis.</summary>
    private static JsonObject Figures(IEnumerable<(string Key, Figure Figure)> figures)
    {
        var result = new JsonObject();
        foreach (var (key, figure) in figures)
        {
            if (figure.Value is { } value)
                result[key] = new JsonObject { ["value"] = value, ["source"] = figure.Source?.ToString(), ["basis"] = figure.Basis };
        }
        return result;
    }

    private static string Description(Procedure p)
    {
        var parts = new List<string> { $"業務・データ一覧の手続 {p.Code} ({p.Field}) から作成した現行フローの下書き。" };
        if (!string.IsNullOrEmpty(p.LegalBasis)) parts.Add($"根拠法令: {p.LegalBasis}。");
        parts.Add("各ステップの数値の区分 (実測・公表・推計) と根拠はステップの説明にあります。同じ庁舎を 1 回で回る来庁は 1 回に数え直してください。");
        return string.Join(" ", parts);
    }

    private static string FlowDescription(DataFlow flow)
    {
        var items = flow.Items.Count == 0 ? "—" : string.Join("、", flow.Items.OrderBy(i => i.Number).Select(i => i.Name));
        var figures = DataFlowFigures.All.Where(s => s.Get(flow).Value is not null)
            .Select(s => $"{s.Label} {s.Get(flow).Value!.Value.ToString(CultureInfo.InvariantCulture)} [{InventoryLabels.Of(s.Get(flow).Source ?? Provenance.Estimated)}: {s.Get(flow).Basis}]");
        return Clip($"連携 {flow.Number}: {InventoryLabels.Of(flow.Means!.Value)}、頻度 {flow.Frequency ?? "—"}。データ項目: {items}。{string.Join(" / ", figures)}",
            WorkflowValidator.MaxDescriptionLength);
    }

    /// <summary>Who moves the data: the resident carries paper, systems move data on their own, else the sender's clerks.</summary>
    private static string HandoffActor(DataFlow flow) => flow.Means switch
    {
        TransferMeans.ResidentCarried => "Resident",
        TransferMeans.JukiNet or TransferMeans.SystemInterface => "System",
        _ => Level(flow.FromLevel),
    };

    /// <summary>
    /// The engine's handoff channels are System, Paper, Fax and Mail (post). LGWAN mail is a manual electronic
    /// transfer like a fax; the exact means stays in customProperties.inventory.transferMeans and the step name.
    /// </summary>
    private static string Channel(TransferMeans means) => means switch
    {
        TransferMeans.ResidentCarried => "Paper",
        TransferMeans.Post => "Mail",
        TransferMeans.Fax or TransferMeans.LgwanMail => "Fax",
        _ => "System",
    };

    private static string Level(PartyLevel? level) => (level ?? PartyLevel.Municipality).ToString();

    private static string Party(PartyLevel? level, string? organisation) =>
        string.IsNullOrWhiteSpace(organisation) ? InventoryLabels.Of(level ?? PartyLevel.Municipality) : organisation;

    private static string FirstLane(Procedure p) =>
        p.DataFlows.MinBy(f => f.Number) is { } first ? (first.ToLevel == PartyLevel.Resident ? Level(first.FromLevel) : HandoffActor(first)) : "Municipality";

    private static JsonObject Position(int column, string lane) =>
        new() { ["x"] = column * ColumnWidth, ["y"] = Array.IndexOf(Lanes, lane) * LaneHeight };

    /// <summary>Names and descriptions have the validator's limits; a long procedure name is cut with an ellipsis.</summary>
    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static JsonObject Measurement(string stepCode, string actor, string? role)
    {
        var measurement = new JsonObject { ["stepCode"] = stepCode, ["actorOrgLevel"] = actor };
        if (!string.IsNullOrWhiteSpace(role))
            measurement["actorRole"] = role;
        return measurement;
    }

    private static JsonObject Connection(string source, string port, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
        ["vertices"] = new JsonArray(),
    };

    private static JsonObject Literal(string typeName, string value) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };

    private static JsonObject Variable(string name) => new()
    {
        ["id"] = $"v-{name}",
        ["name"] = name,
        ["typeName"] = "String",
        ["isArray"] = false,
        ["value"] = null,
        ["storageDriverTypeName"] = "Elsa.Workflows.Services.WorkflowStorageDriver, Elsa.Workflows.Core",
    };
}
