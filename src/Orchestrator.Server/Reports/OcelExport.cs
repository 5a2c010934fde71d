using System.Text.Json;
using Orchestrator.Engine;

namespace Orchestrator.Server.Reports;

/// <summary>The object-centric event log as OCEL 2.0 JSON.</summary>
public sealed class OcelExport(EventLogCases cases, Pseudonyms pseudonyms)
{
    /// <summary>
    /// OCEL 2.0 JSON: events are completed steps; objects are the case, its resident (a pseudonym of the case id, so
    /// both arms of one case share the resident), the forms a step handles, the organisations involved and the clerk.
    /// </summary>
    public async Task WriteAsync(ReportFilter filter, Stream output, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var objects = new Dictionary<string, OcelObject>(StringComparer.Ordinal);
        var eventTypes = new SortedSet<string>(StringComparer.Ordinal);
        json.WriteStartObject();
        json.WriteStartArray("events");
        await foreach (var (c, records) in cases.ReadAsync(filter, ct))
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
                var type = EventLogCases.StepName(r);
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
                json.WriteString("time", EventLogCases.Time(at));
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
                json.WriteString("time", EventLogCases.Time(o.Since));
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
}
