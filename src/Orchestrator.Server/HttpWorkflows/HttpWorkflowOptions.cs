namespace Orchestrator.Server.HttpWorkflows;

/// <summary>Configuration <c>HttpWorkflows:*</c>: where Elsa.HttpEndpoint workflows are served and which hosts
/// Elsa.SendHttpRequest / FlowSendHttpRequest may call.</summary>
public sealed class HttpWorkflowOptions
{
    public const string Section = "HttpWorkflows";

    /// <summary>The path under which endpoint paths are served (Elsa's default).</summary>
    public string BasePath { get; set; } = "/workflows";

    /// <summary>The largest request body an endpoint accepts unless its own requestSizeLimit is smaller.</summary>
    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Shared secrets by name: an endpoint with <c>sharedSecret: "name"</c> accepts only requests whose
    /// <c>X-Workflow-Secret</c> header carries the value configured here.</summary>
    public Dictionary<string, string> Secrets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Host names workflows may send HTTP requests to (the agency systems' hosts are always allowed).</summary>
    public List<string> AllowedHosts { get; set; } = [];

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Retries of a repeatable request (GET/HEAD, or one with an Idempotency-Key header) on 5xx, 408 or a
    /// transport failure, as for agency calls.</summary>
    public int MaxRetries { get; set; } = 2;

    public const string SecretHeader = "X-Workflow-Secret";
}
