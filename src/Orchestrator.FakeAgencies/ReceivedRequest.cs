namespace Orchestrator.FakeAgencies;

/// <summary>A request a fake agency system received, and the status it answered with (for test assertions).</summary>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Path">Path without the query string, e.g. <c>/death-notifications</c>.</param>
/// <param name="Query">Query string including the leading '?', or empty.</param>
/// <param name="Headers">Request headers; names compare case-insensitively.</param>
/// <param name="Body">Request body as text, or null when there was none.</param>
/// <param name="StatusCode">Status code the fake answered with (null if it did not answer, e.g. the client gave up).</param>
/// <param name="ReceivedAt">When the fake received the request (UTC).</param>
public sealed record ReceivedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string[]> Headers,
    string? Body,
    int? StatusCode,
    DateTime ReceivedAt)
{
    /// <summary>The first value of a header, or null.</summary>
    public string? Header(string name) =>
        Headers.TryGetValue(name, out var values) && values.Length > 0 ? values[0] : null;
}
