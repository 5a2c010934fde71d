using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Instances;

namespace Orchestrator.Server.HttpWorkflows;

/// <summary>
/// A request under the base path: the matching endpoint's authorization (none, signed in, a role, a shared secret)
/// and size limit are checked, then the waiting instance is resumed or a new one started with the request, and the
/// answer is what Elsa.WriteHttpResponse wrote in that burst (200 with no body when nothing was written).
/// </summary>
public static class HttpWorkflowHandler
{
    public static async Task<IResult> HandleAsync(HttpContext context, string? path, HttpWorkflowRoutes routes,
        HttpWorkflowOptions options, WorkflowRuntime runtime, ProductPaths paths, IWebHostEnvironment environment, CancellationToken ct)
    {
        var request = context.Request;
        var correlationId = request.Headers["X-Correlation-Id"].FirstOrDefault();
        var route = await routes.MatchAsync(request.Method, "/" + (path ?? ""), correlationId, ct);
        if (route is null && IsPageNavigation(request) && File.Exists(Path.Combine(paths.Studio(environment.ContentRootPath), "index.html")))
            // The default base path is Elsa's `/workflows`, which is also where the Studio's designer pages live: a
            // browser opening one of those pages gets the Studio when no workflow endpoint claims the address.
            return Results.File(Path.Combine(paths.Studio(environment.ContentRootPath), "index.html"), "text/html; charset=utf-8");
        if (route is null)
            return Problems.Status(StatusCodes.Status404NotFound, "一致する HTTP エンドポイントがありません (no HTTP endpoint matches)",
                $"{request.Method} {request.Path}");

        if (Refusal(context, route.Endpoint, options) is { } refused)
            return refused;

        var limit = route.Endpoint["requestSizeLimit"] is JsonValue l && l.TryGetValue<long>(out var own) && own > 0
            ? Math.Min(own, options.MaxRequestBytes) : options.MaxRequestBytes;
        JsonObject input;
        try
        {
            input = await ReadRequestAsync(request, path ?? "", route, limit, ct);
        }
        catch (BodyTooLargeException)
        {
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, "要求が大きすぎます (request too large)", $"The limit of this endpoint is {limit} bytes.");
        }
        catch (JsonException ex)
        {
            return Problems.Validation("要求の本文が JSON として読めません (the body is not valid JSON)", [new FieldProblem("$", ex.Message)]);
        }

        var values = input.ToDictionary(p => p.Key, p => (object?)p.Value?.DeepClone());
        WorkflowInstanceRecord? record = route.InstanceId is { } instanceId
            ? await runtime.ResumeFirstAsync(instanceId, b => b.Id == route.BookmarkId, values, ct)
            : await runtime.StartAsync(new StartInstance(route.DefinitionId!, CorrelationId: correlationId,
                TriggerActivityId: route.TriggerActivityId, TriggerInput: values), ct);
        if (record is null)
            return Problems.Status(StatusCodes.Status409Conflict, "エンドポイントは既に応答済みです (the endpoint was resumed already)");

        context.Response.Headers["X-Workflow-Instance-Id"] = record.Id;
        return WorkflowRuntime.ReadState(record).HttpResponse is { } response ? Respond(response) : Results.Ok();
    }

    private static bool IsPageNavigation(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>401 when the endpoint wants a signed-in user and there is none, 403 for a missing role or a wrong
    /// shared secret; null when the request may go on.</summary>
    static IResult? Refusal(HttpContext context, JsonObject endpoint, HttpWorkflowOptions options)
    {
        var user = context.User;
        var role = (string?)endpoint["policy"];
        var needsUser = endpoint["authorize"] is JsonValue a && a.TryGetValue<bool>(out var authorize) && authorize;
        if ((needsUser || !string.IsNullOrEmpty(role)) && user.Identity?.IsAuthenticated != true)
            return Results.Problem(title: "サインインが必要です (sign-in required)", statusCode: StatusCodes.Status401Unauthorized);
        if (!string.IsNullOrEmpty(role) && !user.IsInRole(role))
            return Results.Problem(title: "この操作の権限がありません (forbidden)", statusCode: StatusCodes.Status403Forbidden);
        if ((string?)endpoint["sharedSecret"] is { Length: > 0 } secretName)
        {
            // An unknown secret name refuses every request: the endpoint must not open because of a typo.
            var given = context.Request.Headers[HttpWorkflowOptions.SecretHeader].FirstOrDefault() ?? "";
            if (!options.Secrets.TryGetValue(secretName, out var expected) || expected.Length == 0
                || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
                return Results.Problem(title: "共有シークレットが一致しません (shared secret does not match)", statusCode: StatusCodes.Status403Forbidden);
        }
        return null;
    }

    /// <summary>The request as the endpoint's outputs see it: method, path, route values, query, headers (without
    /// credentials) and the body (JSON parsed, form fields as an object, other text as a string).</summary>
    static async Task<JsonObject> ReadRequestAsync(HttpRequest request, string path, HttpRoute route, long limit, CancellationToken ct)
    {
        var text = await RequestBody.ReadTextAsync(request, limit, ct);
        JsonNode? body = null;
        if (text.Length > 0)
        {
            var type = request.ContentType ?? "";
            if (type.Contains("json", StringComparison.OrdinalIgnoreCase))
                body = JsonNode.Parse(text);
            else if (type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
                body = new JsonObject(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(text)
                    .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value.ToString()))));
            else
                body = JsonValue.Create(text);
        }
        var hidden = new[] { "Authorization", "Cookie", HttpWorkflowOptions.SecretHeader };
        return new JsonObject
        {
            ["method"] = request.Method,
            ["path"] = "/" + path.Trim('/'),
            ["routeData"] = new JsonObject(route.Values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value?.ToString())))),
            ["query"] = new JsonObject(request.Query.Select(q => KeyValuePair.Create(q.Key, (JsonNode?)JsonValue.Create(q.Value.ToString())))),
            ["headers"] = new JsonObject(request.Headers.Where(h => !hidden.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
                .Select(h => KeyValuePair.Create(h.Key, (JsonNode?)JsonValue.Create(h.Value.ToString())))),
            ["body"] = body,
        };
    }

    /// <summary>What WriteHttpResponse wrote: status, headers, and the content as text or JSON.</summary>
    static IResult Respond(JsonObject response)
    {
        var status = response["statusCode"] is JsonValue s && s.TryGetValue<int>(out var code) ? code : 200;
        var contentType = (string?)response["contentType"] ?? "application/json";
        var content = response["content"] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var text) => text,
            var other => other.ToJsonString(),
        };
        return new WorkflowResponse(status, contentType, content, response["headers"] as JsonObject);
    }

    sealed class WorkflowResponse(int status, string contentType, string? content, JsonObject? headers) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            foreach (var (name, value) in headers ?? [])
                httpContext.Response.Headers[name] = value is JsonValue v ? v.ToString() : value?.ToJsonString();
            if (content is null) return;
            httpContext.Response.ContentType = contentType.Contains("charset", StringComparison.OrdinalIgnoreCase) ? contentType : contentType + "; charset=utf-8";
            await httpContext.Response.WriteAsync(content, httpContext.RequestAborted);
        }
    }
}
