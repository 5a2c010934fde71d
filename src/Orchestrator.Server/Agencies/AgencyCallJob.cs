using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;
using Refit;

namespace Orchestrator.Server.Agencies;

/// <summary>
/// Hangfire job: performs the agency call an AgencyCall bookmark asks for, records the handoff, and resumes the
/// workflow by Done (2xx), Rejected (4xx), Failed (5xx after retries, connection refused) or Timeout. Enqueued only
/// after the bookmark is committed; carries ids only; a bookmark already resumed makes it a no-op.
/// </summary>
public sealed class AgencyCallJob(
    AppDbContext db, AgencyOptions agencies, AttemptTracker attempts, IServiceProvider services, WorkflowRuntime runtime,
    TimeProvider time, ILogger<AgencyCallJob> log)
{
    public async Task RunAsync(string instanceId, string bookmarkId)
    {
        var bookmark = await db.Bookmarks.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookmarkId);
        if (bookmark?.PayloadJson is null)
            return;
        var payload = JsonNode.Parse(bookmark.PayloadJson)!.AsObject();
        var agency = payload["agency"]?.ToString() ?? "";
        var operation = payload["operation"]?.ToString() ?? "";
        var request = new AgencyRequest(payload["payload"] as JsonObject ?? [], payload["idempotencyKey"]?.ToString() is { Length: > 0 } key ? key : null);
        agencies.Systems.TryGetValue(agency, out var endpoint);
        var timeout = TimeSpan.TryParse(payload["timeout"]?.ToString(), out var t) && t > TimeSpan.Zero
            ? t : TimeSpan.FromSeconds(endpoint?.TimeoutSeconds ?? 10);

        var instance = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId);
        var sentAt = time.GetUtcNow();
        var counter = attempts.Begin(CallbackHeaders(agency, endpoint, instance?.CorrelationId));
        var result = endpoint is null
            ? new CallResult("Failed", null, Error($"agency '{agency}' is not registered (Agencies:{agency})"))
            : await CallAsync(agency, endpoint, operation, request, timeout);
        var receivedAt = time.GetUtcNow();
        log.LogInformation("Agency call {Agency}.{Operation} for instance {InstanceId}: {Outcome} {StatusCode} after {Attempts} attempt(s)",
            agency, operation, instanceId, result.Outcome, result.StatusCode, counter.Attempts);

        var measurement = await db.ActivityExecutions.AsNoTracking().Where(r => r.Id == bookmark.ActivityExecutionId)
            .Select(r => r.MeasurementJson).FirstOrDefaultAsync();
        var senderLevel = measurement is null ? null : JsonNode.Parse(measurement)?["actorOrgLevel"]?.ToString();
        db.Handoffs.Add(new HandoffRecord
        {
            InstanceId = instanceId,
            ActivityExecutionId = bookmark.ActivityExecutionId ?? "",
            ActivityId = bookmark.ActivityId,
            ActivityType = bookmark.ActivityType,
            BookmarkId = bookmark.Id,
            Agency = agency,
            Operation = operation,
            SenderOrgLevel = HandoffParties.SenderLevel(senderLevel),
            SenderOrgCode = instance?.MunicipalityCode,
            ReceiverOrgLevel = endpoint?.OrgLevel,
            ReceiverOrgCode = endpoint?.OrgCode,
            Channel = HandoffChannel.System,
            SentAt = sentAt,
            ReceivedAt = result.Outcome is "Done" or "Rejected" ? receivedAt : null,
            Attempts = counter.Attempts,
            Failures = counter.Failures + (result.Outcome == "Timeout" ? 1 : 0),
            Outcome = result.Outcome,
            StatusCode = result.StatusCode,
        });

        try
        {
            await runtime.ResumeAsync(instanceId, bookmarkId, new Dictionary<string, object?>
            {
                ["outcome"] = result.Outcome,
                ["statusCode"] = result.StatusCode,
                ["response"] = result.Response,
            }, CancellationToken.None);
        }
        catch (Exception e) when (e is BookmarkClosedException or InstanceNotFoundException)
        {
            log.LogInformation("Agency call {BookmarkId} of instance {InstanceId} was already resumed", bookmarkId, instanceId);
        }
    }

    private async Task<CallResult> CallAsync(string agency, AgencyEndpoint endpoint, string operation, AgencyRequest request, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            var response = await AgencyOperations.InvokeAsync(services, agency, endpoint.Api, operation, request, deadline.Token);
            if (response.StatusCode is not { } code)
                return new CallResult("Failed", null, Error(response.Error?.Message ?? "no response"));
            var status = (int)code;
            var body = response.IsSuccessStatusCode ? response.Content : Parse((response.Error as ApiException)?.Content);
            return new CallResult(response.IsSuccessStatusCode ? "Done" : status < 500 ? "Rejected" : "Failed", status, body);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return new CallResult("Timeout", null, Error($"no answer within {timeout}"));
        }
        catch (HttpRequestException e)
        {
            return new CallResult("Failed", null, Error(e.Message));
        }
        catch (ApiException e)
        {
            return new CallResult("Failed", (int)e.StatusCode, Error(e.Message));
        }
        catch (AgencyRequestException e)
        {
            return new CallResult("Failed", null, Error(e.Message));
        }
    }

    private Dictionary<string, string> CallbackHeaders(string agency, AgencyEndpoint? endpoint, string? correlationId)
    {
        if (agencies.CallbackBaseUrl is not { Length: > 0 } baseUrl || endpoint?.CallbackSecret is not { Length: > 0 } secret || correlationId is null)
            return [];
        return new()
        {
            ["X-Callback-Url"] = $"{baseUrl.TrimEnd('/')}/api/agencies/{Uri.EscapeDataString(agency)}/callbacks",
            ["X-Correlation-Id"] = correlationId,
            ["X-Callback-Secret"] = secret,
        };
    }

    private static JsonNode? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return JsonValue.Create(text); }
    }

    private static JsonObject Error(string message) => new() { ["error"] = message };

    private sealed record CallResult(string Outcome, int? StatusCode, JsonNode? Response);
}
