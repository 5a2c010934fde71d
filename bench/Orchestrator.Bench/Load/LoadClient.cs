using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using static Orchestrator.Bench.LoadWorkload;

namespace Orchestrator.Bench;

/// <summary>The bearer tokens the clients act with: a coordinator starts, clerks work their inbox, an evaluator reads reports.</summary>
internal sealed record LoadTokens(string Coordinator, string Evaluator, IReadOnlyDictionary<string, string> ClerkByOrganisation);

/// <summary>
/// One of the hundred clients: a loop through the mix of <see cref="LoadWorkload.Mix"/> (the next action when the last
/// is answered, after a pause if one is given), as the clerk of one organisation completing the tasks of the cases it started.
/// Only its own cases: clients never race each other for a task, so every refusal is an error. It keeps what the
/// server acknowledged (started instances, completed tasks) for the consistency check.
/// </summary>
internal sealed class LoadClient(HttpClient http, LoadTokens tokens, int index)
{
    private readonly (string Code, string Level) organisation = Organisations[index % Organisations.Length];
    private readonly Random random = new(index);
    private readonly HashSet<string> waiting = new(StringComparer.Ordinal);
    private readonly Queue<(string TaskId, string InstanceId)> ready = new();
    private int starts;

    public List<string> StartedInstances { get; } = [];
    public List<(string TaskId, string InstanceId)> Completions { get; } = [];
    public List<string> Errors { get; } = [];

    private Dictionary<Kind, List<double>>? latencies;

    /// <summary>Keeps latencies from now on (acknowledgements are always kept).</summary>
    public void Record() => latencies = Enum.GetValues<Kind>().ToDictionary(k => k, _ => new List<double>());

    /// <summary>The latencies since <see cref="Record"/>, and stops keeping them.</summary>
    public Dictionary<Kind, List<double>> TakeLatencies()
    {
        var taken = latencies ?? throw new InvalidOperationException("not recording");
        latencies = null;
        return taken;
    }

    /// <summary>Acts until stopped, pausing a random 0.5–1.5 × <paramref name="pause"/> after each action.</summary>
    public async Task RunAsync(TimeSpan pause, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await ActAsync(Pick(), Reports[random.Next(Reports.Length)]);
            if (pause > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(pause * (0.5 + random.NextDouble()), stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// One action of the mix (a completion needs a task of this client's: without one, it reads the inbox). A report
    /// may carry more of a query (a new bootstrap seed makes a report that is computed, not one kept).
    /// </summary>
    public async Task ActAsync(Kind kind, string report, string reportQuery = "")
    {
        if (kind == Kind.Complete && ready.Count == 0)
            kind = Kind.Inbox;
        switch (kind)
        {
            case Kind.Start: await StartAsync(); break;
            case Kind.Inbox: await InboxAsync(); break;
            case Kind.Complete: await CompleteAsync(); break;
            case Kind.Report: await CallAsync(Kind.Report, HttpMethod.Get, $"/api/reports/{report}?processKey={ProcessKey}{reportQuery}", tokens.Evaluator); break;
            default: await CallAsync(Kind.Health, HttpMethod.Get, "/health", null); break;
        }
    }

    private Kind Pick()
    {
        var roll = random.Next(Mix.Sum(m => m.Share));
        foreach (var (kind, share) in Mix)
        {
            if (roll < share)
                return kind;
            roll -= share;
        }
        throw new InvalidOperationException("the mix does not add up");
    }

    private async Task StartAsync()
    {
        var arm = Arms[starts++ % Arms.Length];
        var body = new { definitionId = DefinitionId(arm), input = new { orgCode = organisation.Code, orgLevel = organisation.Level } };
        if (await CallAsync(Kind.Start, HttpMethod.Post, "/api/workflow-instances", tokens.Coordinator, body) is { } started)
        {
            var id = started.GetProperty("id").GetString()!;
            StartedInstances.Add(id);
            waiting.Add(id);
        }
    }

    /// <summary>Reads the inbox and notes the open tasks of this client's own cases.</summary>
    private async Task InboxAsync()
    {
        if (await CallAsync(Kind.Inbox, HttpMethod.Get, "/api/tasks", tokens.ClerkByOrganisation[organisation.Code]) is not { } inbox)
            return;
        var queued = ready.Select(r => r.InstanceId).ToHashSet(StringComparer.Ordinal);
        foreach (var item in inbox.GetProperty("items").EnumerateArray())
        {
            var instanceId = item.GetProperty("instanceId").GetString()!;
            if (waiting.Contains(instanceId) && !queued.Contains(instanceId) && item.GetProperty("status").GetString() == "Open")
                ready.Enqueue((item.GetProperty("id").GetString()!, instanceId));
        }
    }

    private async Task CompleteAsync()
    {
        var (taskId, instanceId) = ready.Dequeue();
        var clerk = tokens.ClerkByOrganisation[organisation.Code];
        if (await CallAsync(Kind.Claim, HttpMethod.Post, $"/api/tasks/{taskId}/claim", clerk) is null)
            return;
        if (await CallAsync(Kind.Complete, HttpMethod.Post, $"/api/tasks/{taskId}/complete", clerk, new { data = new { }, effortMinutes = 6 }) is null)
            return;
        Completions.Add((taskId, instanceId));
        waiting.Remove(instanceId);
    }

    /// <summary>One request, timed; the parsed answer, or null (counted as an error) when it was not a success.</summary>
    private async Task<JsonElement?> CallAsync(Kind kind, HttpMethod method, string path, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            // With a length, as browsers and curl send a JSON body.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            latencies?[kind].Add(elapsed);
            if (!response.IsSuccessStatusCode)
            {
                Errors.Add($"{kind} {(int)response.StatusCode}");
                return null;
            }
            return response.StatusCode == HttpStatusCode.NoContent || bytes.Length == 0 ? default(JsonElement) : JsonSerializer.Deserialize<JsonElement>(bytes);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Errors.Add($"{kind} {e.GetType().Name}");
            return null;
        }
    }
}
