using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Orchestrator.FakeAgencies.Tests;

/// <summary>
/// One running set of fakes per test class (xunit class fixture): every system on a free loopback port,
/// loaded from the repository's fixtures/agencies. Tests in a class run one after another, so they may
/// reset scenarios and request logs of "their" host without disturbing other classes.
/// </summary>
public sealed class FakeAgenciesFixture : IAsyncLifetime
{
    public FakeAgencyHost Host { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Host = FakeAgencyHost.Start(new FakeAgencyOptions());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public HttpClient Client(string system) => new() { BaseAddress = Host.BaseUrls[system] };
}

/// <summary>Small helpers to call the fakes and read their JSON answers.</summary>
internal static class Http
{
    public static async Task<Answer> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null, string? fault = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (fault is not null)
        {
            request.Headers.Add("X-Test-Fault", fault);
        }

        var started = DateTime.UtcNow;
        using var response = await client.SendAsync(request);
        var elapsed = DateTime.UtcNow - started;
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default,
            elapsed);
    }

    public static Task<Answer> GetAsync(HttpClient client, string path, string? fault = null) =>
        SendAsync(client, HttpMethod.Get, path, null, fault);

    public static Task<Answer> PostAsync(HttpClient client, string path, object body, string? fault = null) =>
        SendAsync(client, HttpMethod.Post, path, body, fault);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}

internal sealed record Answer(int Status, string? MediaType, JsonElement Body, TimeSpan Elapsed)
{
    public string? Text(string property) => Body.GetProperty(property).GetString();
}
