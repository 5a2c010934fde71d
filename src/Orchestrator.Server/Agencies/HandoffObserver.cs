using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Engine;
using Orchestrator.Server.Instances;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Agencies;

/// <summary>
/// An Orchestrator.Handoff is sent when its bookmark opens and received when it closes (its transit timer fired, or the
/// receiver confirmed); both times are recorded with sender, receiver and channel.
/// </summary>
public sealed class HandoffObserver(AppDbContext db) : IBurstObserver
{
    public async Task OnBurstAsync(BurstChanges changes, CancellationToken ct)
    {
        foreach (var bookmark in changes.Opened.Where(b => b.Kind == BookmarkKind.Handoff))
            db.Handoffs.Add(Sent(changes.Instance, bookmark, changes.Now));

        var closedIds = changes.Closed.Where(b => b.Kind == BookmarkKind.Handoff).Select(b => b.Id).ToList();
        if (closedIds.Count == 0)
            return;
        var received = await db.Handoffs
            .Where(h => h.BookmarkId != null && closedIds.Contains(h.BookmarkId) && h.ReceivedAt == null && h.ActivityType == ActivityTypes.Handoff)
            .ToListAsync(ct);
        foreach (var handoff in received)
        {
            var execution = changes.State.Journal.FirstOrDefault(j => j.Id == handoff.ActivityExecutionId);
            handoff.Outcome = execution?.Status.ToString();
            // A cancelled branch never delivered its papers.
            if (execution?.Status == ActivityStatus.Completed)
                handoff.ReceivedAt = changes.Now;
        }
    }

    /// <summary>The record of a Handoff bookmark just opened: the papers are on their way (simulated pilots use it too).</summary>
    public static HandoffRecord Sent(WorkflowInstanceRecord instance, Bookmark bookmark, DateTimeOffset now)
    {
        var p = bookmark.Payload ?? [];
        return new HandoffRecord
        {
            InstanceId = instance.Id,
            ActivityExecutionId = bookmark.ActivityExecutionId,
            ActivityId = bookmark.ActivityId,
            ActivityType = bookmark.ActivityType,
            BookmarkId = bookmark.Id,
            SenderOrgLevel = Text(p["fromOrgLevel"]),
            SenderOrgCode = Text(p["fromOrgCode"]) ?? instance.MunicipalityCode,
            ReceiverOrgLevel = Text(p["toOrgLevel"]),
            ReceiverOrgCode = Text(p["toOrgCode"]),
            Channel = Enum.TryParse<HandoffChannel>(Text(p["channel"]), ignoreCase: true, out var channel) ? channel : HandoffChannel.Paper,
            // The engine's time of sending, from which the transit time runs (the burst is saved a moment later).
            SentAt = DateTimeOffset.TryParse(Text(p["sentAt"]), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.RoundtripKind, out var sent) ? sent : now,
            Attempts = 1,
        };
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
