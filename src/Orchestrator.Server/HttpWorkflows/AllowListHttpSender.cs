using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Engine;
using Orchestrator.Server.Agencies;

namespace Orchestrator.Server.HttpWorkflows;

/// <summary>
/// Sends the requests of Elsa.SendHttpRequest and FlowSendHttpRequest: only to hosts in
/// <c>HttpWorkflows:AllowedHosts</c> or of a configured agency system, through the same retry policy as agency
/// calls (repeatable requests only), without following redirects, within <c>TimeoutSeconds</c>.
/// </summary>
public sealed class AllowListHttpSender(IHttpClientFactory clients, HttpWorkflowOptions options, AgencyOptions agencies) : IHttpRequestSender
{
    readonly HashSet<string> allowed = options.AllowedHosts
        .Concat(agencies.Systems.Values.Select(a => Uri.TryCreate(a.BaseUrl, UriKind.Absolute, out var u) ? u.Host : null).OfType<string>())
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public async Task<HttpSendResult> SendAsync(HttpSendRequest request, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new ExpressionException($"'{request.Url}' is not an absolute http(s) URL.");
        if (!allowed.Contains(url.Host))
            throw new ExpressionException($"HTTP requests to '{url.Host}' are not allowed: add the host to HttpWorkflows:AllowedHosts.");

        using var message = new HttpRequestMessage(new HttpMethod(request.Method.ToUpperInvariant()), url);
        if (request.Content is { } content)
            message.Content = new StringContent(content is JsonValue v && v.TryGetValue<string>(out var text) ? text : content.ToJsonString(),
                Encoding.UTF8, request.ContentType ?? (content is JsonValue { } s && s.GetValueKind() == JsonValueKind.String ? "text/plain" : "application/json"));
        if (request.Authorization is { Length: > 0 } authorization)
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        foreach (var (name, value) in request.Headers ?? [])
            message.Headers.TryAddWithoutValidation(name, value is JsonValue hv ? hv.ToString() : value?.ToJsonString());

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(HttpWorkflowSetup.ClientName).SendAsync(message, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            var headers = new JsonObject(response.Headers.Concat(response.Content.Headers)
                .Select(h => KeyValuePair.Create(h.Key, (JsonNode?)JsonValue.Create(string.Join(",", h.Value)))));
            return new HttpSendResult((int)response.StatusCode, Parse(body, response.Content.Headers.ContentType), headers);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HttpSendResult(null, Error: "timeout");
        }
        catch (HttpRequestException ex)
        {
            return new HttpSendResult(null, Error: ex.Message);
        }
    }

    static JsonNode? Parse(string body, MediaTypeHeaderValue? type)
    {
        if (body.Length == 0) return null;
        if (type?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try { return JsonNode.Parse(body); }
            catch (JsonException) { }
        }
        return JsonValue.Create(body);
    }
}
