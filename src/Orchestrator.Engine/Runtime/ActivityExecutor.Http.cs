using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Orchestrator.Engine;

/// <summary>Elsa.HttpEndpoint, Elsa.WriteHttpResponse and Elsa.SendHttpRequest. The host routes requests to endpoint
/// bookmarks (or starts the instance with the request) and sends what WriteHttpResponse left in the state.</summary>
internal sealed partial class ActivityExecutor
{
    /// <summary>A request that started the instance completes its endpoint at once; otherwise the endpoint waits for
    /// one. The bookmark's payload is what the host routes by: path, methods and who may call.</summary>
    static ActivityResult HttpEndpoint(WorkflowRun run, ActivityModel a)
    {
        if (run.TryTakeTrigger(a.Id, out var request))
            return new CompletedResult(["Done"], HttpEndpointOutputs(request));
        var path = RequiredText(run, a, "path");
        var methods = run.InputValue(a, "supportedMethods") is { } m ? StaticValues.ToStringList(m) : ["GET"];
        if (methods.Count == 0) methods = ["GET"];
        var payload = new JsonObject
        {
            ["path"] = path,
            ["methods"] = new JsonArray(methods.Select(x => (JsonNode?)JsonValue.Create(x.ToUpperInvariant())).ToArray()),
            ["authorize"] = JsonValues.IsTruthy(run.InputValue(a, "authorize")),
            ["policy"] = run.InputString(a, "policy"),
            ["sharedSecret"] = run.InputString(a, "sharedSecret"),
            ["requestSizeLimit"] = run.InputValue(a, "requestSizeLimit") is JsonValue limit && JsonValues.TryGetNumber(limit, out var bytes) ? (long)bytes : null,
        };
        return new BlockedResult(BookmarkKind.HttpEndpoint, path, null, payload);
    }

    /// <summary>Elsa's outputs of an endpoint from the request the host passed: parsedContent, routeData,
    /// queryStringData, headers and result (method, path, …).</summary>
    static JsonObject HttpEndpointOutputs(JsonObject request) => new()
    {
        ["parsedContent"] = request["body"]?.DeepClone(),
        ["routeData"] = request["routeData"]?.DeepClone() ?? new JsonObject(),
        ["queryStringData"] = request["query"]?.DeepClone() ?? new JsonObject(),
        ["headers"] = request["headers"]?.DeepClone() ?? new JsonObject(),
        ["result"] = new JsonObject { ["method"] = request["method"]?.DeepClone(), ["path"] = request["path"]?.DeepClone() },
    };

    static ActivityResult WriteHttpResponse(WorkflowRun run, ActivityModel a)
    {
        var status = StatusCode(run.InputValue(a, "statusCode"));
        var content = run.InputValue(a, "content");
        run.State.HttpResponse = new JsonObject
        {
            ["statusCode"] = status,
            ["content"] = content,
            ["contentType"] = run.InputString(a, "contentType") is { Length: > 0 } type ? type
                : content is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? "text/plain" : "application/json",
            ["headers"] = run.InputValue(a, "responseHeaders") as JsonObject ?? new JsonObject(),
        };
        return CompletedResult.Done;
    }

    /// <summary>Elsa writes HttpStatusCode by name ("OK", "NotFound") or number.</summary>
    static int StatusCode(JsonNode? value)
    {
        if (value is JsonValue v && JsonValues.TryGetNumber(v, out var n)) return (int)n;
        var text = JsonValues.AsString(value);
        if (string.IsNullOrWhiteSpace(text)) return 200;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)) return code;
        if (Enum.TryParse<HttpStatusCode>(text, ignoreCase: true, out var named)) return (int)named;
        throw new ExpressionException($"'{text}' is not an HTTP status code.");
    }

    /// <summary>SendHttpRequest leaves by Done with the response; without a response it faults.</summary>
    static ActivityResult SendHttpOutcome(string? error, int? statusCode, JsonNode? body, JsonObject? headers)
    {
        if (error is not null)
            return new FaultedResult(error.Equals("timeout", StringComparison.OrdinalIgnoreCase)
                ? "The HTTP request timed out."
                : $"The HTTP request could not be sent: {error}");
        return new CompletedResult(["Done"], new JsonObject { ["statusCode"] = statusCode, ["parsedContent"] = body, ["responseHeaders"] = headers });
    }
}
