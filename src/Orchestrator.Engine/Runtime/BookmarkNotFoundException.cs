namespace Orchestrator.Engine;

public sealed class BookmarkNotFoundException(string bookmarkId)
    : Exception($"Bookmark '{bookmarkId}' is not open on this workflow instance.")
{
    public string BookmarkId { get; } = bookmarkId;
}
