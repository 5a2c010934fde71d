namespace Orchestrator.Engine;

/// <summary>A script or template went past one of its limits; the message names the limit.</summary>
internal sealed class ScriptLimitException(string limit) : Exception(limit)
{
    public string Limit { get; } = limit;
}
