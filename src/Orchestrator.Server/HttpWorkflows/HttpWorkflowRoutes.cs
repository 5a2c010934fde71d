using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Definitions;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.HttpWorkflows;

/// <summary>An endpoint a request matched: a waiting bookmark (resume) or a published trigger (start), with what the
/// endpoint asks of its callers.</summary>
public sealed record HttpRoute(
    string? InstanceId, string? BookmarkId, string? DefinitionId, string? TriggerActivityId, JsonObject Endpoint, RouteValueDictionary Values);

/// <summary>Finds the endpoint a request is for: waiting HttpEndpoint bookmarks first (oldest first), then the
/// HttpEndpoint that starts a published definition.</summary>
public sealed class HttpWorkflowRoutes(AppDbContext db, DefinitionCache cache)
{
    public async Task<HttpRoute?> MatchAsync(string method, string path, string? correlationId, CancellationToken ct)
    {
        var waiting = await db.Bookmarks.AsNoTracking().Where(b => b.Kind == BookmarkKind.HttpEndpoint)
            .OrderBy(b => b.CreatedAt).ToListAsync(ct);
        foreach (var b in waiting)
        {
            if (correlationId is not null && b.CorrelationId != correlationId) continue;
            var endpoint = b.PayloadJson is null ? null : JsonNode.Parse(b.PayloadJson) as JsonObject;
            if (endpoint is not null && Matches(endpoint, method, path) is { } values)
                return new HttpRoute(b.InstanceId, b.Id, null, null, endpoint, values);
        }

        var published = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.IsPublished).OrderBy(d => d.DefinitionId).ToListAsync(ct);
        foreach (var version in published)
        {
            var definition = cache.Get(version);
            if (FlowchartGraph.FindStart(definition.Root) is not { Type: ActivityTypes.HttpEndpoint } trigger) continue;
            var endpoint = TriggerEndpoint(trigger);
            if (endpoint is not null && Matches(endpoint, method, path) is { } values)
                return new HttpRoute(null, null, version.DefinitionId, trigger.Id, endpoint, values);
        }
        return null;
    }

    /// <summary>The route values when the request's method and path fit the endpoint's, else null.</summary>
    static RouteValueDictionary? Matches(JsonObject endpoint, string method, string path)
    {
        var methods = endpoint["methods"] is JsonArray m ? m.Select(x => (string?)x).ToList() : ["GET"];
        if (!methods.Contains(method, StringComparer.OrdinalIgnoreCase)) return null;
        if ((string?)endpoint["path"] is not { Length: > 0 } template) return null;
        var values = new RouteValueDictionary();
        try
        {
            var matcher = new TemplateMatcher(TemplateParser.Parse(template.Trim('/')), new RouteValueDictionary());
            return matcher.TryMatch("/" + path.Trim('/'), values) ? values : null;
        }
        catch (ArgumentException)
        {
            return null; // not a route template
        }
    }

    /// <summary>A trigger's endpoint settings, read without running anything (literal inputs only).</summary>
    static JsonObject? TriggerEndpoint(ActivityModel trigger)
    {
        string? Text(string name) => trigger.TryGetStatic(name, out var v) && v is JsonValue s ? s.ToString() : null;
        if (Text("path") is not { Length: > 0 } path) return null;
        var methods = trigger.TryGetStatic("supportedMethods", out var m) && m is not null
            ? Orchestrator.Engine.JsonLists.Strings(m) : ["GET"];
        return new JsonObject
        {
            ["path"] = path,
            ["methods"] = new JsonArray(methods.Select(x => (JsonNode?)JsonValue.Create(x.ToUpperInvariant())).ToArray()),
            ["authorize"] = string.Equals(Text("authorize"), "true", StringComparison.OrdinalIgnoreCase),
            ["policy"] = Text("policy"),
            ["sharedSecret"] = Text("sharedSecret"),
            ["requestSizeLimit"] = long.TryParse(Text("requestSizeLimit"), out var limit) ? limit : null,
        };
    }
}
