using System.Text.Json.Nodes;

namespace Orchestrator.Engine;

public sealed class WorkflowRunnerOptions
{
    /// <summary>Activity executions allowed in one burst (a run until the instance waits or ends) before the instance
    /// is faulted: it guards the host against a workflow that loops without waiting. A burst of 100,000 executions
    /// keeps a journal of about 30 MB.</summary>
    public int MaxStepsPerBurst { get; set; } = 100_000;

    /// <summary>The definitions that ExecuteWorkflow, DispatchWorkflow and workflows used as activities start;
    /// without it those activities fault.</summary>
    public IWorkflowDefinitionProvider? Workflows { get; set; }

    public JavaScriptLimits JavaScriptLimits { get; set; } = new();

    public LiquidLimits LiquidLimits { get; set; } = new();

    /// <summary>When set, Elsa.FlowSendHttpRequest sends at once; when null it blocks on an HttpRequest bookmark.</summary>
    public IHttpRequestSender? HttpRequestSender { get; set; }
}

/// <summary>Sandbox limits for every JavaScript evaluation.</summary>
public sealed class JavaScriptLimits
{
    public TimeSpan TimeoutInterval { get; set; } = TimeSpan.FromSeconds(2);
    public long MemoryLimitBytes { get; set; } = 16 * 1024 * 1024;
    public int MaxStatements { get; set; } = 10_000;
    public int MaxRecursionDepth { get; set; } = 64;
}

/// <summary>Sends the request of an Elsa.FlowSendHttpRequest (the host provides one, e.g. over HttpClient).</summary>
public interface IHttpRequestSender
{
    Task<HttpSendResult> SendAsync(HttpSendRequest request, CancellationToken cancellationToken);
}

public sealed record HttpSendRequest(string Url, string Method, JsonNode? Content, string? ContentType, string? Authorization, JsonObject? Headers);

/// <summary>The response, or Error "connect" / "timeout" when there is none.</summary>
public sealed record HttpSendResult(int? StatusCode, JsonNode? Body = null, JsonObject? Headers = null, string? Error = null);
