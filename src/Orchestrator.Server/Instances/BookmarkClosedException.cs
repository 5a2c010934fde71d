namespace Orchestrator.Server.Instances;

/// <summary>The bookmark was resumed already, or the instance moved on: resuming again must change nothing.</summary>
public sealed class BookmarkClosedException(string instanceId, string bookmarkId)
    : Exception($"Bookmark '{bookmarkId}' of instance '{instanceId}' is not open (already resumed, or the instance moved on)");
