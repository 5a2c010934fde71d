using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Agencies;

public sealed record AgencyCallback(string? EventName, string? CorrelationId, JsonObject? Payload);

public sealed record AgencySummary(
    string Name, AgencyApi Api, string OrgLevel, string? OrgCode, string? BaseUrl, double TimeoutSeconds, IEnumerable<string> Operations,
    IReadOnlyList<string> CallbackEvents);

public static class AgencyEndpoints
{
    public const string SecretHeader = "X-Agency-Secret";

    public static RouteGroupBuilder MapAgencyEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/agencies").WithTags("Agencies");

        group.MapGet("", (AgencyOptions agencies) => agencies.Systems.OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => new AgencySummary(a.Key, a.Value.Api, a.Value.OrgLevel, a.Value.OrgCode, a.Value.BaseUrl, a.Value.TimeoutSeconds, AgencyOperations.Of(a.Value.Api), a.Value.EffectiveCallbackEvents)))
            .WithSummary("The agency registry: systems, their organisation and operations");

        // Agencies are systems, not signed-in users: they present the callback secret agreed in the registry.
        group.MapPost("/{agency}/callbacks", async (string agency, AgencyCallback? callback,
                HttpRequest request, AgencyOptions agencies, EventDispatcher events, AppDbContext db, CancellationToken ct) =>
            {
                if (!agencies.Systems.TryGetValue(agency, out var endpoint))
                    return Problems.Status(StatusCodes.Status404NotFound, "連携先が登録されていません (unknown agency)", agency);
                if (endpoint.CallbackSecret is not { Length: > 0 } secret || !SecretMatches(request.Headers[SecretHeader].ToString(), secret))
                    return Problems.Status(StatusCodes.Status401Unauthorized, "連携先の認証に失敗しました (callback secret missing or wrong)");
                var problems = new List<FieldProblem>();
                if (string.IsNullOrWhiteSpace(callback?.EventName))
                    problems.Add(new("$.eventName", "eventName が必要です (required)"));
                if (string.IsNullOrWhiteSpace(callback?.CorrelationId))
                    problems.Add(new("$.correlationId", "案件を特定する correlationId が必要です (required)"));
                TextLimits.Check(problems, "$.eventName", callback?.EventName, TextLimits.Identifier);
                TextLimits.Check(problems, "$.correlationId", callback?.CorrelationId, TextLimits.Identifier);
                if (problems.Count > 0)
                    return Problems.Validation("入力内容に誤りがあります", problems);
                if (!endpoint.EffectiveCallbackEvents.Contains(callback!.EventName!, StringComparer.Ordinal))
                    return Problems.Status(StatusCodes.Status403Forbidden, "この連携先からは受け付けないイベントです (event not raised by this agency)",
                        $"{agency}: {string.Join(", ", endpoint.EffectiveCallbackEvents)}");

                UnreadableTextException.ThrowIfAny(callback.Payload, "$.payload");
                var input = new Dictionary<string, object?> { ["agency"] = agency, ["payload"] = callback.Payload?.DeepClone() };
                // A reply is about a case the agency was called for: another system of the same kind (the 住基 of another
                // municipality) raises the same events, and must not resume a case it never received. A case it never
                // received answers as one that waits for nothing, so a caller learns nothing of other cases.
                var resumed = await events.TriggerAsync(callback.EventName!, callback.CorrelationId, input,
                    (waiting, token) => CallersAsync(db, agency, waiting, token), ct);
                return Results.Ok(new { agency, eventName = callback.EventName, resumed });
            })
            .AllowAnonymous()
            .WithSummary("Asynchronous reply of an agency: resumes the instances of that case that called it and wait for the event; 403 for another agency's event");

        return api;
    }

    /// <summary>Of the waiting instances, those with a call to this agency on record.</summary>
    private static async Task<IReadOnlyList<string>> CallersAsync(AppDbContext db, string agency, IReadOnlyList<string> waiting, CancellationToken ct) =>
        await db.Handoffs.AsNoTracking()
            .Where(h => h.Agency == agency && h.Channel == HandoffChannel.System && waiting.Contains(h.InstanceId))
            .Select(h => h.InstanceId).Distinct().ToListAsync(ct);

    private static bool SecretMatches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
