using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Cli.Tests;

/// <summary>A tiny stand-in for the Orchestrator server on Kestrel (127.0.0.1, free port): sign-in and definition download.</summary>
public sealed class FakeOrchestratorServer : IAsyncDisposable
{
    public const string UserName = "coordinator";
    public const string Password = "Orchestrator-Demo-1";
    public const string StaticToken = "static-token-123";
    public const string LoginToken = "login-token-456";
    public const string DefinitionId = "cli-approval";

    readonly WebApplication app;

    /// <summary>The definition JSON served for <see cref="DefinitionId"/>, exactly as sent.</summary>
    public string ServedJson { get; }

    /// <summary>Every request as "METHOD path?query | Authorization".</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public string Url { get; private set; } = "";

    FakeOrchestratorServer(string servedJson)
    {
        ServedJson = servedJson;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();

        app.Use(async (context, next) =>
        {
            Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} | {context.Request.Headers.Authorization}");
            await next(context);
        });

        app.MapPost("/api/auth/login", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            if ((string?)body?["userName"] != UserName || (string?)body?["password"] != Password)
                return Results.Problem(title: "Sign-in failed.", statusCode: 401);
            return Results.Json(new
            {
                accessToken = LoginToken,
                expiresAt = DateTimeOffset.UtcNow.AddHours(1),
                user = new { userName = UserName, roles = new[] { "Coordinator" } },
            });
        });

        app.MapGet("/api/workflow-definitions/{definitionId}", (string definitionId, HttpRequest request) =>
        {
            var auth = request.Headers.Authorization.ToString();
            if (auth != $"Bearer {StaticToken}" && auth != $"Bearer {LoginToken}")
                return Results.Problem(title: "Unauthorized", statusCode: 401);
            if (definitionId != DefinitionId)
                return Results.Problem(title: $"Workflow definition '{definitionId}' was not found.", statusCode: 404);
            return Results.Text(ServedJson, "application/json; charset=utf-8");
        });
    }

    public static async Task<FakeOrchestratorServer> StartAsync(string servedJson)
    {
        var server = new FakeOrchestratorServer(servedJson);
        await server.app.StartAsync();
        server.Url = server.app.Urls.Single();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
