using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Orchestrator.Engine.Tests;

/// <summary>
/// The conformance suite: every <c>Scenarios/nn-name.json</c> (an Elsa 3 definition) is run with the steps of its
/// <c>nn-name.expected.json</c> on a fake clock, and the final instance is compared with the expectation.
/// </summary>
public sealed class ScenarioTests
{
    static readonly DateTimeOffset DefaultStart = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    static string ScenarioDirectory => Path.Combine(AppContext.BaseDirectory, "Scenarios");

    /// <summary>The definitions scenarios start as child workflows or use as activities (<c>Scenarios/workflows/</c>).</summary>
    internal static WorkflowDefinitionSet ChildWorkflows() =>
        new(Directory.GetFiles(Path.Combine(ScenarioDirectory, "workflows"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => WorkflowDefinitionJson.Read(File.ReadAllText(f))));

    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var name in ScenarioNames()) data.Add(name);
        return data;
    }

    static IEnumerable<string> ScenarioNames() =>
        Directory.GetFiles(ScenarioDirectory, "*.expected.json")
            .Select(p => Path.GetFileName(p)[..^".expected.json".Length])
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Suite_has_at_least_40_scenarios()
    {
        Assert.True(ScenarioNames().Count() >= 40, $"only {ScenarioNames().Count()} scenarios in {ScenarioDirectory}");
    }

    [Fact]
    public void Every_definition_has_an_expectation_and_every_expectation_a_definition()
    {
        var definitions = Directory.GetFiles(ScenarioDirectory, "*.json")
            .Where(p => !p.EndsWith(".expected.json", StringComparison.Ordinal))
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .Order(StringComparer.Ordinal);
        Assert.Equal(definitions, ScenarioNames());
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Scenario_runs_as_expected(string name)
    {
        var spec = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ScenarioDirectory, name + ".expected.json")))!.AsObject();
        var definition = WorkflowDefinitionJson.Read(await File.ReadAllTextAsync(Path.Combine(ScenarioDirectory, name + ".json")));

        var start = spec["start"] is { } s ? DateTimeOffset.Parse(s.GetValue<string>(), CultureInfo.InvariantCulture) : DefaultStart;
        var clock = new FakeTimeProvider(start);
        var options = new WorkflowRunnerOptions { Workflows = ChildWorkflows() };
        if (spec["maxSteps"] is { } maxSteps) options.MaxStepsPerBurst = maxSteps.GetValue<int>();
        // Children run through the same in-memory host the command line uses: a child that ends resumes its parent.
        var host = new InMemoryWorkflowHost(new WorkflowRunner(ActivityRegistry.CreateDefault(), clock, options));
        var log = new List<string>();

        var request = new StartWorkflowRequest(
            ToDictionary(spec["input"] as JsonObject),
            (string?)spec["correlationId"],
            (string?)spec["instanceId"],
            (string?)spec["trigger"]?["activityId"],
            ToDictionary(spec["trigger"]?["input"] as JsonObject));
        var state = await host.StartAsync(definition, request);
        var rootId = state.Id;
        log.Add($"start → {state.Status}");

        foreach (var step in (spec["steps"] as JsonArray ?? []).Select(n => n!.AsObject()))
        {
            if (step["advance"] is { } advance)
            {
                clock.Advance(TimeSpan.Parse(advance.GetValue<string>(), CultureInfo.InvariantCulture));
                log.Add($"advance {advance} → now {clock.GetUtcNow():O}");
                // Resume every due Timer/Handoff bookmark, earliest first; a resume may create further due ones.
                while (host.OpenBookmarks
                           .Where(x => x.Bookmark.Kind is BookmarkKind.Timer or BookmarkKind.Handoff && x.Bookmark.DueAt <= clock.GetUtcNow())
                           .OrderBy(x => x.Bookmark.DueAt)
                           .FirstOrDefault() is { Bookmark: { } due } found)
                {
                    await host.ResumeAsync(found.Instance.Id, due.Id);
                    log.Add($"  resumed {due.ActivityId} ({due.Kind}, due {due.DueAt:O}) → {host.Instance(rootId).Status}");
                }
            }
            else if (step["resume"] is JsonObject resume)
            {
                var activityId = resume["activityId"]!.GetValue<string>();
                var open = host.OpenBookmarks.Where(x => x.Bookmark.ActivityId == activityId).ToList();
                if (open.Count != 1)
                    Assert.Fail(Report(name, spec, host.Instance(rootId), log,
                        [$"step resume '{activityId}': expected exactly one open bookmark of that activity, found {open.Count}"]));
                await host.ResumeAsync(open[0].Instance.Id, open[0].Bookmark.Id, ToDictionary(resume["input"] as JsonObject));
                log.Add($"resume {activityId} ({open[0].Bookmark.Kind}) → {host.Instance(rootId).Status}");
            }
            else if (step["cancel"] is not null)
            {
                await host.Runner.CancelAsync(definition, host.Instance(rootId));
                log.Add($"cancel → {host.Instance(rootId).Status}");
            }
            else
            {
                throw new InvalidDataException($"{name}: unknown step {step.ToJsonString()}");
            }
        }

        state = host.Instance(rootId);
        var problems = Compare(spec["expected"]!.AsObject(), state);
        if (problems.Count > 0) Assert.Fail(Report(name, spec, state, log, problems));
    }

    static List<string> Compare(JsonObject expected, WorkflowInstanceState state)
    {
        var problems = new List<string>();

        var status = expected["status"]!.GetValue<string>();
        if (status != state.Status.ToString())
            problems.Add($"status: expected {status}, actual {state.Status}");

        var expectedJournal = (expected["journal"] as JsonArray ?? []).Select(n => JournalLine(n!.AsObject())).ToList();
        var actualJournal = state.Journal.Select(JournalLine).ToList();
        var prefixOnly = (string?)expected["journalMatch"] == "prefix";
        var comparedActual = prefixOnly ? actualJournal.Take(expectedJournal.Count).ToList() : actualJournal;
        if (!comparedActual.SequenceEqual(expectedJournal))
        {
            var firstDifference = Enumerable.Range(0, Math.Max(expectedJournal.Count, comparedActual.Count))
                .First(i => i >= expectedJournal.Count || i >= comparedActual.Count || expectedJournal[i] != comparedActual[i]);
            problems.Add($"journal{(prefixOnly ? " (prefix)" : "")} differs at entry {firstDifference}");
        }

        if (expected["variables"] is JsonObject variables)
            foreach (var (variable, value) in variables)
            {
                if (!state.Variables.TryGetValue(variable, out var actual))
                    problems.Add($"variable '{variable}': expected {Show(value)}, missing");
                else if (!JsonEquals(value, actual))
                    problems.Add($"variable '{variable}': expected {Show(value)}, actual {Show(actual)}");
            }

        if (expected["bookmarks"] is JsonArray bookmarks)
        {
            var want = bookmarks.Select(b => b!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
            var have = state.Bookmarks.Select(b => b.ActivityId).Order(StringComparer.Ordinal).ToList();
            if (!want.SequenceEqual(have))
                problems.Add($"bookmarks: expected [{string.Join(", ", want)}], actual [{string.Join(", ", have)}]");
        }

        if (expected["output"] is JsonArray output && !output.Select(o => (string?)o).SequenceEqual(state.OutputLines))
            problems.Add($"output: expected [{string.Join(" | ", output)}], actual [{string.Join(" | ", state.OutputLines)}]");

        if (expected["outputs"] is JsonObject outputs && !JsonEquals(outputs, state.Output))
            problems.Add($"workflow outputs: expected {Show(outputs)}, actual {Show(state.Output)}");

        if (expected["httpResponse"] is JsonObject response && !JsonEquals(response, state.HttpResponse))
            problems.Add($"HTTP response: expected {Show(response)}, actual {Show(state.HttpResponse)}");

        if ((string?)expected["instanceName"] is { } instanceName && instanceName != state.Name)
            problems.Add($"instance name: expected \"{instanceName}\", actual \"{state.Name}\"");

        if ((string?)expected["incidentContains"] is { } text && !state.Incidents.Any(i => i.Message.Contains(text, StringComparison.Ordinal)))
            problems.Add($"incidents: expected one containing \"{text}\"");

        if ((string?)expected["incidentActivityId"] is { } activity && !state.Incidents.Any(i => i.ActivityId == activity))
            problems.Add($"incidents: expected one on activity '{activity}'");

        return problems;
    }

    static string JournalLine(JsonObject e) =>
        Line((string)e["activityId"]!, (string)e["activityType"]!, (string)e["status"]!, (string?)e["outcome"]);

    static string JournalLine(ActivityExecutionRecord r) => Line(r.ActivityId, r.ActivityType, r.Status.ToString(), r.Outcome);

    static string Line(string id, string type, string status, string? outcome) =>
        $"{id,-14} {type,-30} {status,-10} {outcome ?? "(null)"}";

    /// <summary>A failure message that lets the engine author see at once what ran and what should have.</summary>
    static string Report(string name, JsonObject spec, WorkflowInstanceState state, List<string> log, List<string> problems)
    {
        var expected = spec["expected"]!.AsObject();
        var sb = new StringBuilder();
        sb.AppendLine($"Scenario {name}: {(string?)spec["description"]}");
        foreach (var p in problems) sb.AppendLine($"  ✗ {p}");
        sb.AppendLine("Steps:");
        foreach (var l in log) sb.AppendLine($"  {l}");
        sb.AppendLine("Expected journal:");
        foreach (var e in expected["journal"] as JsonArray ?? []) sb.AppendLine($"  {JournalLine(e!.AsObject())}");
        if ((string?)expected["journalMatch"] == "prefix") sb.AppendLine("  … (prefix)");
        sb.AppendLine("Actual journal:");
        foreach (var r in state.Journal.Take(40)) sb.AppendLine($"  {JournalLine(r)}");
        if (state.Journal.Count > 40) sb.AppendLine($"  … {state.Journal.Count - 40} more");
        sb.AppendLine($"Actual bookmarks: [{string.Join(", ", state.Bookmarks.Select(b => $"{b.ActivityId}:{b.Kind}{(b.DueAt is { } d ? "@" + d.ToString("O", CultureInfo.InvariantCulture) : "")}"))}]");
        sb.AppendLine($"Actual variables: {JsonSerializer.Serialize(state.Variables, Readable)}");
        foreach (var i in state.Incidents) sb.AppendLine($"Incident on {i.ActivityId} ({i.ActivityType}): {i.Message}");
        return sb.ToString();
    }

    static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    static string Show(JsonNode? node) => node?.ToJsonString(Readable) ?? "null";

    static Dictionary<string, object?>? ToDictionary(JsonObject? o) =>
        o?.ToDictionary(p => p.Key, p => (object?)p.Value?.DeepClone());

    /// <summary>JSON equality where numbers compare by value (3 equals 3.0: JavaScript yields doubles).</summary>
    static bool JsonEquals(JsonNode? a, JsonNode? b)
    {
        switch (a, b)
        {
            case (null, null): return true;
            case (null, _) or (_, null): return false;
            case (JsonObject x, JsonObject y):
                return x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var v) && JsonEquals(p.Value, v));
            case (JsonArray x, JsonArray y):
                return x.Count == y.Count && x.Zip(y).All(p => JsonEquals(p.First, p.Second));
            case (JsonValue x, JsonValue y):
                if (x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number)
                    return double.Parse(x.ToJsonString(), CultureInfo.InvariantCulture) == double.Parse(y.ToJsonString(), CultureInfo.InvariantCulture);
                return x.GetValueKind() == y.GetValueKind() && x.ToJsonString() == y.ToJsonString();
            default: return false;
        }
    }
}
