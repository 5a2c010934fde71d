namespace Orchestrator.Engine;

/// <summary>An expression could not be evaluated; the activity faults with this message.</summary>
public sealed class ExpressionException(string message, Exception? inner = null) : Exception(message, inner);
