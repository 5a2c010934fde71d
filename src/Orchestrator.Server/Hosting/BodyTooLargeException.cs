namespace Orchestrator.Server.Hosting;

public sealed class BodyTooLargeException(long limit) : Exception($"The request body exceeds {limit} bytes");
