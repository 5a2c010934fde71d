using System.Text.Json.Nodes;
using Orchestrator.Engine;

namespace Orchestrator.Server.Hosting;

/// <summary>JSON a caller sent holds text that is not text (a lone surrogate escape); answered 400 with its path.</summary>
public sealed class UnreadableTextException(string path) : Exception(JsonText.UnreadableMessage)
{
    public string Path { get; } = path;

    /// <summary>Refuses <paramref name="node"/> (sent as <paramref name="path"/>, e.g. "$.input") when any of its text is unreadable.</summary>
    public static void ThrowIfAny(JsonNode? node, string path)
    {
        if (JsonText.FirstUnreadable(node) is { } found)
            throw new UnreadableTextException(path + found[1..]);
    }
}
