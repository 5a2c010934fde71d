using System.Text.Json.Nodes;
using Orchestrator.Engine;

namespace Orchestrator.Cli;

/// <summary>
/// <c>run --until-end</c>: resumes what the workflow waits for until it ends, like Elsa's test helper that runs a
/// workflow to its end. Events, tasks, HTTP endpoints and requests are resumed first, with the values given for
/// their activity in <c>--resume-input</c> or else their first outcome; then the virtual clock moves to the earliest
/// timer. A child workflow that ends resumes its parent.
/// </summary>
public sealed class UntilEnd(InMemoryWorkflowHost host, VirtualClock clock, JsonObject resumeInput)
{
    public const int MaxResumes = 10_000;

    /// <summary>Resumes until the instance ends or nothing is left to resume; false when it stopped at <see cref="MaxResumes"/>.</summary>
    public async Task<bool> RunAsync(string instanceId, CancellationToken ct)
    {
        for (var resumes = 0; resumes < MaxResumes; resumes++)
        {
            if (host.Instance(instanceId).Status is not WorkflowStatus.Suspended) return true;
            var open = host.OpenBookmarks.Where(x => x.Bookmark.Kind != BookmarkKind.ChildWorkflow).ToList();
            var ready = open.FirstOrDefault(x => x.Bookmark.DueAt is null);
            if (ready.Bookmark is null)
            {
                if (open.Count == 0) return true; // waiting on nothing that can be resumed here
                ready = open.MinBy(x => x.Bookmark.DueAt);
                clock.AdvanceTo(ready.Bookmark.DueAt!.Value);
            }
            await host.ResumeAsync(ready.Instance.Id, ready.Bookmark.Id, InputFor(ready.Bookmark), ct);
        }
        return false;
    }

    /// <summary>The values from --resume-input for the bookmark's activity (or its name), else the first outcome.</summary>
    Dictionary<string, object?> InputFor(Bookmark bookmark)
    {
        var given = (resumeInput[bookmark.ActivityId] ?? (bookmark.Name is { } name ? resumeInput[name] : null)) as JsonObject;
        var input = given?.ToDictionary(p => p.Key, p => (object?)p.Value?.DeepClone()) ?? [];
        switch (bookmark.Kind)
        {
            case BookmarkKind.HumanTask when !input.ContainsKey("outcome"):
                input["outcome"] = bookmark.Payload?["outcomes"] is JsonArray { Count: > 0 } outcomes ? JsonValues(outcomes[0]) : "Done";
                break;
            case BookmarkKind.AgencyCall when !input.ContainsKey("outcome"):
                input["outcome"] = "Done";
                break;
            case BookmarkKind.HttpEndpoint:
                input.TryAdd("method", bookmark.Payload?["methods"] is JsonArray { Count: > 0 } methods ? JsonValues(methods[0]) : "GET");
                input.TryAdd("path", JsonValues(bookmark.Payload?["path"]));
                break;
            case BookmarkKind.HttpRequest when !input.ContainsKey("statusCode") && !input.ContainsKey("error"):
                input["statusCode"] = bookmark.Payload?["expectedStatusCodes"] is JsonArray { Count: > 0 } codes
                    && int.TryParse(JsonValues(codes[0]), out var code) ? code : 200;
                break;
        }
        return input;
    }

    static string? JsonValues(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString();
}
