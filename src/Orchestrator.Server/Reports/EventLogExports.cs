using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using nietras.SeparatedValues;
using Orchestrator.Engine;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Reports;

/// <summary>
/// Event-log exports of the report population: CSV of activity records, XES (IEEE 1849) and OCEL 2.0 JSON. Cases are
/// read a batch at a time and written as they come, so an export of a large pilot stays small in memory. Every record
/// says where it comes from (provenance measured / simulated, origin task screen / time study / questionnaire …).
/// </summary>
public sealed class EventLogExports(ReportRowLoader loader, ReportPopulation population, RateService rates, Pseudonyms pseudonyms, TimeProvider time)
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

    private async IAsyncEnumerable<(ReportCaseRecord Case, List<ActivityRecord> Records)> CasesAsync(
        ReportFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var cases = (await population.CasesAsync(filter, ct)).OrderBy(c => c.StartedAt).ThenBy(c => c.InstanceId, StringComparer.Ordinal).ToList();
        var snapshot = await rates.CurrentAsync(ct);
        await foreach (var (c, rows) in loader.WithRowsAsync(cases, ct))
            yield return (c, ActivityRecord.Of(c, rows, snapshot, pseudonyms).ToList());
    }

    // ---------------------------------------------------------------- CSV

    /// <summary>The CSV columns: every member of <see cref="ActivityRecord"/> in declaration order, named in camelCase.</summary>
    public static readonly IReadOnlyList<System.Reflection.PropertyInfo> CsvColumns = typeof(ActivityRecord)
        .GetConstructors()[0].GetParameters()
        .Select(p => typeof(ActivityRecord).GetProperty(p.Name!)!)
        .ToList();

    public async Task WriteCsvAsync(ReportFilter filter, Stream output, CancellationToken ct)
    {
        // A byte-order mark lets spreadsheet programs read the Japanese names as UTF-8.
        await using var body = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        // Sep writes synchronously; it writes into memory and each batch goes to the response asynchronously.
        var buffer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = CultureInfo.InvariantCulture }).To(buffer))
        {
            var names = CsvColumns.Select(c => JsonNamingPolicy.CamelCase.ConvertName(c.Name)).ToArray();
            var wroteHeader = false;
            await foreach (var (_, records) in CasesAsync(filter, ct))
            {
                foreach (var r in records)
                {
                    using var row = csv.NewRow();
                    for (var i = 0; i < names.Length; i++)
                        row[names[i]].Set(CsvValue(CsvColumns[i].GetValue(r)));
                    wroteHeader = true;
                }
                csv.Flush();
                await body.WriteAsync(buffer.GetStringBuilder(), ct);
                buffer.GetStringBuilder().Clear();
            }
            if (!wroteHeader)
                await body.WriteLineAsync(string.Join(',', names));
        }
        await body.FlushAsync(ct);
    }

    private static string CsvValue(object? value) => value switch
    {
        null => "",
        DateTimeOffset at => Time(at),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => ExportText.CsvCell(value.ToString() ?? ""),
    };

    // ---------------------------------------------------------------- XES

    /// <summary>One event of a trace: a lifecycle transition of a step at a time.</summary>
    private sealed record XesEvent(ActivityRecord Record, string Transition, DateTimeOffset At, int Order);

    public async Task WriteXesAsync(ReportFilter filter, Stream output, string extensionUri, CancellationToken ct)
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

        await foreach (var (c, records) in CasesAsync(filter, ct))
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
                if (survey.ResidentVisits is { } trips) await Attr(xml, "float", "orch:surveyTrips", Number(trips));
                if (survey.ResidentDocuments is { } documents) await Attr(xml, "float", "orch:surveyDocuments", Number(documents));
                if (survey.ResidentMinutes is { } minutes) await Attr(xml, "float", "orch:surveyHours", Number(minutes / 60));
                if (survey.Satisfaction is { } satisfaction) await Attr(xml, "int", "orch:surveySatisfaction", ((long)satisfaction).ToString(CultureInfo.InvariantCulture));
            }
            if (c.PilotId is { } pilot) await Attr(xml, "string", "orch:pilotId", pilot);
            if (c.CycleId is { } cycle) await Attr(xml, "string", "orch:cycleId", cycle);
            if (c.MunicipalityCode is { } municipality) await Attr(xml, "string", "orch:municipality", municipality);
            await Attr(xml, "float", "cost:total", Number(c.CostYen ?? 0));
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
        await Attr(xml, "string", "concept:name", StepName(r));
        await Attr(xml, "date", "time:timestamp", XesTime(e.At));
        await Attr(xml, "string", "lifecycle:transition", e.Transition);
        await Attr(xml, "string", "org:resource", Resource(r));
        await Attr(xml, "string", "org:role", r.Role ?? r.ActorRole ?? r.ActorOrgLevel ?? "System");
        await Attr(xml, "string", "org:group", r.Group);
        await Attr(xml, "float", "cost:total", Number(e.Transition == "complete" ? r.CostYen : 0));
        await Attr(xml, "string", "cost:currency", "JPY");
        await Attr(xml, "string", "orch:stepCode", r.StepCode ?? "-");
        await Attr(xml, "string", "orch:stepKind", r.ActivityType);
        await Attr(xml, "string", "orch:arm", r.Arm);
        await Attr(xml, "string", "orch:actorOrgLevel", r.ActorOrgLevel ?? r.OrgLevel ?? "System");
        await Attr(xml, "int", "orch:forms", ((long)(r.Forms ?? 0)).ToString(CultureInfo.InvariantCulture));
        await Attr(xml, "int", "orch:residentVisits", ((long)(r.ResidentVisits ?? 0)).ToString(CultureInfo.InvariantCulture));
        await Attr(xml, "int", "orch:residentDocuments", ((long)(r.ResidentDocuments ?? 0)).ToString(CultureInfo.InvariantCulture));
        await Attr(xml, "float", "orch:touchMinutes", Number(e.Transition == "complete" ? r.EffortMinutes ?? 0 : 0));
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
    public static byte[] XesExtensionDefinition(string uri)
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

    // ---------------------------------------------------------------- OCEL 2.0

    /// <summary>
    /// OCEL 2.0 JSON: events are completed steps; objects are the case, its resident (a pseudonym of the case id, so
    /// both arms of one case share the resident), the forms a step handles, the organisations involved and the clerk.
    /// </summary>
    public async Task WriteOcelAsync(ReportFilter filter, Stream output, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var objects = new Dictionary<string, OcelObject>(StringComparer.Ordinal);
        var eventTypes = new SortedSet<string>(StringComparer.Ordinal);
        json.WriteStartObject();
        json.WriteStartArray("events");
        await foreach (var (c, records) in CasesAsync(filter, ct))
        {
            var caseObject = "case:" + c.InstanceId;
            var caseId = ActivityRecord.ExportCaseId(c);
            var resident = "resident:" + pseudonyms.Of("resident:" + caseId)["clerk-".Length..];
            objects.TryAdd(caseObject, new OcelObject(caseObject, "case",
            [
                ("processKey", c.ProcessKey), ("arm", c.Arm), ("caseId", caseId), ("simulated", c.Simulated),
                ("municipality", c.MunicipalityCode ?? ""), ("pilotId", c.PilotId ?? ""), ("cycleId", c.CycleId ?? ""),
                ("provenance", ActivityRecord.OriginOf(c.Simulated)),
            ], [(resident, "concerns")], c.StartedAt));
            foreach (var survey in records.Where(r => r.ActivityType == ActivityRecord.QuestionnaireType))
            {
                var answer = "questionnaire:" + survey.ExecutionId;
                var answered = new List<(string, object)> { ("provenance", survey.Provenance) };
                if (survey.ResidentVisits is { } trips) answered.Add(("trips", trips));
                if (survey.ResidentDocuments is { } documents) answered.Add(("documents", documents));
                if (survey.ResidentMinutes is { } minutes) answered.Add(("hours", minutes / 60));
                if (survey.Satisfaction is { } satisfaction) answered.Add(("satisfaction", (long)satisfaction));
                objects.TryAdd(answer, new OcelObject(answer, "questionnaire", answered.ToArray(), [(caseObject, "answers-for"), (resident, "answered-by")], c.FinishedAt));
            }
            objects.TryAdd(resident, new OcelObject(resident, "resident", [], [], c.StartedAt));

            foreach (var r in records.Where(r => r.IsStep && r.Status == nameof(ActivityStatus.Completed) && r.CompletedAt is not null))
            {
                var type = StepName(r);
                var at = r.CompletedAt!.Value;
                eventTypes.Add(type);
                var relationships = new List<(string, string)> { (caseObject, "case") };
                if ((r.ResidentVisits ?? 0) > 0 || (r.ResidentDocuments ?? 0) > 0 || r.ActorOrgLevel == "Resident")
                    relationships.Add((resident, "resident"));
                if ((r.Forms ?? 0) > 0)
                {
                    var form = $"form:{c.InstanceId}:{r.Sequence}";
                    objects.TryAdd(form, new OcelObject(form, "form", [("stepCode", r.StepCode ?? ""), ("count", (long)r.Forms!.Value)], [(caseObject, "part-of")], at));
                    relationships.Add((form, "form"));
                }
                foreach (var (org, level, qualifier) in Organisations(r))
                {
                    var id = "organisation:" + org;
                    objects.TryAdd(id, new OcelObject(id, "organisation", [("level", level ?? "")], [], at));
                    relationships.Add((id, qualifier));
                }
                if (r.Resource is { } clerk && r.TaskCompletedAt is not null)
                {
                    var id = "clerk:" + clerk;
                    objects.TryAdd(id, new OcelObject(id, "clerk", [("role", r.Role ?? "")], r.OrgCode is null ? [] : [("organisation:" + r.OrgCode, "member-of")], at));
                    relationships.Add((id, "performer"));
                }

                json.WriteStartObject();
                json.WriteString("id", "event:" + r.ExecutionId);
                json.WriteString("type", type);
                json.WriteString("time", Time(at));
                json.WriteStartArray("attributes");
                WriteAttribute(json, "stepCode", r.StepCode ?? "");
                WriteAttribute(json, "arm", r.Arm);
                WriteAttribute(json, "activityType", r.ActivityType);
                WriteAttribute(json, "touchMinutes", r.EffortMinutes ?? 0);
                WriteAttribute(json, "costYen", r.CostYen);
                WriteAttribute(json, "forms", (long)(r.Forms ?? 0));
                WriteAttribute(json, "provenance", r.Provenance);
                WriteAttribute(json, "origin", r.Origin);
                json.WriteEndArray();
                WriteRelationships(json, relationships);
                json.WriteEndObject();
            }
            await json.FlushAsync(ct);
        }
        json.WriteEndArray();

        json.WriteStartArray("objects");
        foreach (var o in objects.Values)
        {
            json.WriteStartObject();
            json.WriteString("id", o.Id);
            json.WriteString("type", o.Type);
            json.WriteStartArray("attributes");
            foreach (var (name, value) in o.Attributes)
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("time", Time(o.Since));
                WriteValue(json, value);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteRelationships(json, o.Relationships);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("eventTypes");
        foreach (var type in eventTypes)
        {
            json.WriteStartObject();
            json.WriteString("name", type);
            WriteTypes(json, [("stepCode", "string"), ("arm", "string"), ("activityType", "string"), ("touchMinutes", "float"), ("costYen", "float"), ("forms", "integer"),
                ("provenance", "string"), ("origin", "string")]);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("objectTypes");
        foreach (var (name, attributes) in OcelObjectTypes)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            WriteTypes(json, attributes);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    public static readonly IReadOnlyList<(string Name, (string, string)[] Attributes)> OcelObjectTypes =
    [
        ("case", [("processKey", "string"), ("arm", "string"), ("caseId", "string"), ("simulated", "boolean"), ("municipality", "string"), ("pilotId", "string"), ("cycleId", "string"), ("provenance", "string")]),
        ("questionnaire", [("trips", "float"), ("documents", "float"), ("hours", "float"), ("satisfaction", "integer"), ("provenance", "string")]),
        ("resident", []),
        ("form", [("stepCode", "string"), ("count", "integer")]),
        ("organisation", [("level", "string")]),
        ("clerk", [("role", "string")]),
    ];

    private sealed record OcelObject(string Id, string Type, (string Name, object Value)[] Attributes, (string Target, string Qualifier)[] Relationships, DateTimeOffset Since);

    private static IEnumerable<(string Code, string? Level, string Qualifier)> Organisations(ActivityRecord r)
    {
        if (r.OrgCode is { } org)
            yield return (org, r.OrgLevel, "performed-by");
        if (r.HandoffSenderCode is { } sender)
            yield return (sender, r.HandoffSenderLevel, "sender");
        if (r.HandoffReceiverCode is { } receiver && receiver != r.HandoffSenderCode)
            yield return (receiver, r.HandoffReceiverLevel, "receiver");
    }

    private static void WriteTypes(Utf8JsonWriter json, IEnumerable<(string Name, string Type)> attributes)
    {
        json.WriteStartArray("attributes");
        foreach (var (name, type) in attributes)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("type", type);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteRelationships(Utf8JsonWriter json, IEnumerable<(string Target, string Qualifier)> relationships)
    {
        json.WriteStartArray("relationships");
        foreach (var (target, qualifier) in relationships)
        {
            json.WriteStartObject();
            json.WriteString("objectId", target);
            json.WriteString("qualifier", qualifier);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteAttribute(Utf8JsonWriter json, string name, object value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        WriteValue(json, value);
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case bool b: json.WriteBoolean("value", b); break;
            case long l: json.WriteNumber("value", l); break;
            case double d: json.WriteNumber("value", d); break;
            default: json.WriteString("value", ExportText.Clean(value.ToString() ?? "")); break;
        }
    }

    // ---------------------------------------------------------------- shared

    private static string StepName(ActivityRecord r) =>
        ExportText.Clean(r.StepCode is { } code ? $"{code} {r.ActivityName ?? r.ActivityId}" : r.ActivityName ?? r.ActivityId);

    private static string Resource(ActivityRecord r) =>
        r.Resource ?? (r.ActorOrgLevel == "Resident" ? "resident" : r.ActivityType == ActivityTypes.Handoff ? "handoff" : "system");

    /// <summary>UTC with milliseconds, as both standards expect.</summary>
    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>xs:dateTime in UTC with an explicit +00:00 offset, which every XES reader accepts.</summary>
    public static string XesTime(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+00:00'", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.0###", CultureInfo.InvariantCulture);
}
