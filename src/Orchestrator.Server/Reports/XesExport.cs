using System.Globalization;
using System.Text;
using System.Xml;
using Orchestrator.Engine;

namespace Orchestrator.Server.Reports;

/// <summary>The event log as XES (IEEE 1849): lifecycle events with UTC timestamps, org:* and cost:* attributes and our orch: extension.</summary>
public sealed class XesExport(EventLogCases cases, TimeProvider time)
{
    public const string XesExtensionPrefix = "orch";

    /// <summary>The standard's own name for its edition, as xes.version expects it.</summary>
    public const string XesVersion = "1849-2023";

    private static readonly string[] XesStandardExtensions =
    [
        "Concept|concept|http://www.xes-standard.org/concept.xesext",
        "Time|time|http://www.xes-standard.org/time.xesext",
        "Lifecycle|lifecycle|http://www.xes-standard.org/lifecycle.xesext",
        "Organizational|org|http://www.xes-standard.org/org.xesext",
        "Cost|cost|http://www.xes-standard.org/cost.xesext",
    ];

    /// <summary>One event of a trace: a lifecycle transition of a step at a time.</summary>
    private sealed record XesEvent(ActivityRecord Record, string Transition, DateTimeOffset At, int Order);

    public async Task WriteAsync(ReportFilter filter, Stream output, string extensionUri, CancellationToken ct)
    {
        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "log", "http://www.xes-standard.org/");
        await xml.WriteAttributeStringAsync(null, "xes.version", null, XesVersion);
        await xml.WriteAttributeStringAsync(null, "xes.features", null, "");
        foreach (var ext in XesStandardExtensions.Select(e => e.Split('|')).Append(["Orchestrator", XesExtensionPrefix, extensionUri]))
        {
            await xml.WriteStartElementAsync(null, "extension", null);
            await xml.WriteAttributeStringAsync(null, "name", null, ext[0]);
            await xml.WriteAttributeStringAsync(null, "prefix", null, ext[1]);
            await xml.WriteAttributeStringAsync(null, "uri", null, ext[2]);
            await xml.WriteEndElementAsync();
        }
        // Globals: every trace and every event carries these keys (the values here are the defaults the standard asks for).
        await xml.WriteStartElementAsync(null, "global", null);
        await xml.WriteAttributeStringAsync(null, "scope", null, "trace");
        await Attr(xml, "string", "concept:name", "UNKNOWN");
        await Attr(xml, "string", "orch:processKey", "UNKNOWN");
        await Attr(xml, "string", "orch:arm", "UNKNOWN");
        await Attr(xml, "boolean", "orch:simulated", "false");
        await Attr(xml, "string", "orch:provenance", "UNKNOWN");
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync(null, "global", null);
        await xml.WriteAttributeStringAsync(null, "scope", null, "event");
        foreach (var (type, key, value) in XesEventGlobals)
            await Attr(xml, type, key, value);
        await xml.WriteEndElementAsync();
        foreach (var (name, keys) in new[] { ("Activity", "concept:name"), ("Activity and transition", "concept:name lifecycle:transition"), ("Step code", "orch:stepCode"), ("Resource", "org:resource") })
        {
            await xml.WriteStartElementAsync(null, "classifier", null);
            await xml.WriteAttributeStringAsync(null, "name", null, name);
            await xml.WriteAttributeStringAsync(null, "keys", null, keys);
            await xml.WriteEndElementAsync();
        }
        await Attr(xml, "string", "concept:name", "Orchestrator 実証実験 イベントログ (pilot event log)");
        await Attr(xml, "string", "lifecycle:model", "standard");
        await Attr(xml, "date", "orch:generatedAt", XesTime(time.GetUtcNow()));

        await foreach (var (c, records) in cases.ReadAsync(filter, ct))
        {
            await xml.WriteStartElementAsync(null, "trace", null);
            await Attr(xml, "string", "concept:name", c.InstanceId);
            await Attr(xml, "string", "orch:caseId", ActivityRecord.ExportCaseId(c));
            await Attr(xml, "string", "orch:processKey", c.ProcessKey);
            await Attr(xml, "string", "orch:arm", c.Arm);
            await Attr(xml, "boolean", "orch:simulated", c.Simulated ? "true" : "false");
            await Attr(xml, "string", "orch:provenance", ActivityRecord.OriginOf(c.Simulated));
            if (c.Imported) await Attr(xml, "boolean", "orch:imported", "true");
            foreach (var survey in records.Where(r => r.ActivityType == ActivityRecord.QuestionnaireType))
            {
                if (survey.ResidentVisits is { } trips) await Attr(xml, "float", "orch:surveyTrips", EventLogCases.Number(trips));
                if (survey.ResidentDocuments is { } documents) await Attr(xml, "float", "orch:surveyDocuments", EventLogCases.Number(documents));
                if (survey.ResidentMinutes is { } minutes) await Attr(xml, "float", "orch:surveyHours", EventLogCases.Number(minutes / 60));
                if (survey.Satisfaction is { } satisfaction) await Attr(xml, "int", "orch:surveySatisfaction", ((long)satisfaction).ToString(CultureInfo.InvariantCulture));
            }
            if (c.PilotId is { } pilot) await Attr(xml, "string", "orch:pilotId", pilot);
            if (c.CycleId is { } cycle) await Attr(xml, "string", "orch:cycleId", cycle);
            if (c.MunicipalityCode is { } municipality) await Attr(xml, "string", "orch:municipality", municipality);
            await Attr(xml, "float", "cost:total", EventLogCases.Number(c.CostYen ?? 0));
            await Attr(xml, "string", "cost:currency", "JPY");
            foreach (var e in XesEvents(records))
                await WriteXesEventAsync(xml, e);
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    public static readonly IReadOnlyList<(string Type, string Key, string Default)> XesEventGlobals =
    [
        ("string", "concept:name", "UNKNOWN"), ("date", "time:timestamp", "1970-01-01T00:00:00.000+00:00"),
        ("string", "lifecycle:transition", "complete"), ("string", "org:resource", "UNKNOWN"), ("string", "org:role", "UNKNOWN"),
        ("string", "org:group", "UNKNOWN"), ("float", "cost:total", "0.0"), ("string", "cost:currency", "JPY"),
        ("string", "orch:stepCode", "-"), ("string", "orch:stepKind", "UNKNOWN"), ("string", "orch:arm", "UNKNOWN"),
        ("string", "orch:actorOrgLevel", "UNKNOWN"), ("int", "orch:forms", "0"), ("int", "orch:residentVisits", "0"),
        ("int", "orch:residentDocuments", "0"), ("float", "orch:touchMinutes", "0.0"), ("string", "orch:provenance", "UNKNOWN"),
        ("string", "orch:origin", "UNKNOWN"),
    ];

    /// <summary>Completed steps as lifecycle events: clerk tasks schedule (created) → start (claimed) → complete; others start → complete.</summary>
    private static IEnumerable<XesEvent> XesEvents(IEnumerable<ActivityRecord> records)
    {
        var events = new List<XesEvent>();
        foreach (var r in records.Where(r => r.IsStep && r.Status == nameof(ActivityStatus.Completed) && r.CompletedAt is not null))
        {
            var complete = r.TaskCompletedAt ?? r.CompletedAt!.Value;
            if (r.TaskClaimedAt is { } claimed && r.TaskCreatedAt is { } created)
            {
                events.Add(new XesEvent(r, "schedule", Min(created, claimed), 0));
                events.Add(new XesEvent(r, "start", Min(claimed, complete), 1));
            }
            else
                events.Add(new XesEvent(r, "start", Min(r.StartedAt ?? r.ScheduledAt, complete), 1));
            events.Add(new XesEvent(r, "complete", complete, 2));
        }
        return events.OrderBy(e => e.At).ThenBy(e => e.Record.Sequence).ThenBy(e => e.Order);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static async Task WriteXesEventAsync(XmlWriter xml, XesEvent e)
    {
        var r = e.Record;
        await xml.WriteStartElementAsync(null, "event", null);
        await Attr(xml, "string", "concept:name", EventLogCases.StepName(r));
        await Attr(xml, "date", "time:timestamp", XesTime(e.At));
        await Attr(xml, "string", "lifecycle:transition", e.Transition);
        await Attr(xml, "string", "org:resource", EventLogCases.Resource(r));
        await Attr(xml, "string", "org:role", r.Role ?? r.ActorRole ?? r.ActorOrgLevel ?? "System");
        await Attr(xml, "string", "org:group", r.Group);
        await Attr(xml, "float", "cost:total", EventLogCases.Number(e.Transition == "complete" ? r.CostYen : 0));
        await Attr(xml, "string", "cost:currency", "JPY");
        await Attr(xml, "string", "orch:stepCode", r.StepCode ?? "-");
        await Attr(xml, "string", "orch:stepKind", r.ActivityType);
        await Attr(xml, "string", "orch:arm", r.Arm);
        await Attr(xml, "string", "orch:actorOrgLevel", r.ActorOrgLevel ?? r.OrgLevel ?? "System");
        await Attr(xml, "int", "orch:forms", ((long)(r.Forms ?? 0)).ToString(CultureInfo.InvariantCulture));
        await Attr(xml, "int", "orch:residentVisits", ((long)(r.ResidentVisits ?? 0)).ToString(CultureInfo.InvariantCulture));
        await Attr(xml, "int", "orch:residentDocuments", ((long)(r.ResidentDocuments ?? 0)).ToString(CultureInfo.InvariantCulture));
        await Attr(xml, "float", "orch:touchMinutes", EventLogCases.Number(e.Transition == "complete" ? r.EffortMinutes ?? 0 : 0));
        await Attr(xml, "string", "orch:provenance", r.Provenance);
        await Attr(xml, "string", "orch:origin", r.Origin);
        if (r.FigureSources is { Length: > 0 } sources) await Attr(xml, "string", "orch:figureSources", sources);
        if (r.Rework) await Attr(xml, "boolean", "orch:rework", "true");
        await xml.WriteEndElementAsync();
    }

    private static async Task Attr(XmlWriter xml, string type, string key, string value)
    {
        await xml.WriteStartElementAsync(null, type, null);
        await xml.WriteAttributeStringAsync(null, "key", null, key);
        await xml.WriteAttributeStringAsync(null, "value", null, ExportText.Clean(value));
        await xml.WriteEndElementAsync();
    }

    /// <summary>The extension definition (XESEXT) that declares our attributes, served at the URI the XES names.</summary>
    public static byte[] ExtensionDefinition(string uri)
    {
        var attributes = new (string Scope, string Type, string Key, string Ja, string En)[]
        {
            ("log", "date", "generatedAt", "出力日時", "Generated at"),
            ("trace", "string", "caseId", "案件ID", "Case id"),
            ("trace", "string", "processKey", "業務", "Process"),
            ("trace", "string", "arm", "現行/改革後", "Arm (as-is / to-be)"),
            ("trace", "boolean", "simulated", "シミュレーション", "Simulated"),
            ("trace", "string", "pilotId", "パイロット", "Pilot"),
            ("trace", "string", "cycleId", "サイクル", "Cycle"),
            ("trace", "string", "municipality", "市区町村コード", "Municipality code"),
            ("trace", "string", "provenance", "出所 (実測/シミュレーション)", "Provenance (measured / simulated)"),
            ("trace", "boolean", "imported", "取込のみの案件", "Case known only from imports"),
            ("trace", "float", "surveyTrips", "アンケート: 来庁回数", "Questionnaire: office trips"),
            ("trace", "float", "surveyDocuments", "アンケート: 提出書類数", "Questionnaire: documents"),
            ("trace", "float", "surveyHours", "アンケート: 所要時間", "Questionnaire: hours"),
            ("trace", "int", "surveySatisfaction", "アンケート: 満足度", "Questionnaire: satisfaction"),
            ("event", "string", "stepCode", "ステップコード", "Step code"),
            ("event", "string", "stepKind", "アクティビティ種別", "Activity type"),
            ("event", "string", "arm", "現行/改革後", "Arm (as-is / to-be)"),
            ("event", "string", "actorOrgLevel", "実施者の組織レベル", "Actor organisation level"),
            ("event", "int", "forms", "帳票枚数", "Forms"),
            ("event", "int", "residentVisits", "来庁回数", "Resident visits"),
            ("event", "int", "residentDocuments", "提出書類数", "Resident documents"),
            ("event", "float", "touchMinutes", "タッチタイム (分)", "Touch minutes"),
            ("event", "string", "provenance", "出所 (実測/シミュレーション)", "Provenance (measured / simulated)"),
            ("event", "string", "origin", "取得方法", "Origin (task screen, time study, …)"),
            ("event", "string", "figureSources", "メタデータの数値の出所", "Sources of the metadata figures"),
            ("event", "boolean", "rework", "差戻し等", "Rework"),
        };
        // Written as UTF-8 bytes: an XmlWriter over a string declares utf-16, which XML readers then reject.
        using var bytes = new MemoryStream();
        using (var xml = XmlWriter.Create(bytes, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("xesextension");
            xml.WriteAttributeString("name", "Orchestrator");
            xml.WriteAttributeString("prefix", XesExtensionPrefix);
            xml.WriteAttributeString("uri", uri);
            foreach (var scope in attributes.GroupBy(a => a.Scope))
            {
                xml.WriteStartElement(scope.Key);
                foreach (var a in scope)
                {
                    xml.WriteStartElement(a.Type);
                    xml.WriteAttributeString("key", a.Key);
                    foreach (var (mapping, name) in new[] { ("EN", a.En), ("JA", a.Ja) })
                    {
                        xml.WriteStartElement("alias");
                        xml.WriteAttributeString("mapping", mapping);
                        xml.WriteAttributeString("name", name);
                        xml.WriteEndElement();
                    }
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return bytes.ToArray();
    }

    /// <summary>xs:dateTime in UTC with an explicit +00:00 offset, which every XES reader accepts.</summary>
    public static string XesTime(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+00:00'", CultureInfo.InvariantCulture);
}
