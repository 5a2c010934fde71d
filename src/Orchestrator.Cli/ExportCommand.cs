using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Cli;

/// <summary><c>orchestrator export &lt;definitionId&gt; --server URL …</c>: downloads a definition as Elsa 3 JSON.</summary>
public static class ExportCommand
{
    public const string TokenVariable = "ORCHESTRATOR_TOKEN";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var parsed = Arguments.Parse(args, "server", "version", "token", "user", "password", "out");
        if (parsed.Positional.Count != 1)
            throw new UsageException("export needs exactly one definition id.");
        var definitionId = parsed.Positional[0];

        var serverText = parsed.Get("server") ?? throw new UsageException("export needs --server <url>, e.g. --server http://127.0.0.1:5080.");
        if (!Uri.TryCreate(serverText.TrimEnd('/') + "/", UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
            throw new UsageException($"--server '{serverText}' is not an http(s) URL.");

        int? version = null;
        if (parsed.Get("version") is { } versionText)
        {
            if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < 1)
                throw new UsageException($"--version must be a positive whole number, not '{versionText}'.");
            version = v;
        }

        var user = parsed.Get("user");
        var password = parsed.Get("password");
        var token = parsed.Get("token");
        if (token is not null && (user is not null || password is not null))
            throw new UsageException("Give either --token or --user and --password, not both.");
        if ((user is null) != (password is null))
            throw new UsageException("--user and --password go together.");
        if (token is null && user is null)
        {
            token = environment(TokenVariable);
            if (string.IsNullOrWhiteSpace(token))
                throw new UsageException($"export needs --token, --user and --password, or the {TokenVariable} environment variable.");
        }

        using var http = new HttpClient { BaseAddress = server };
        try
        {
            if (token is null)
            {
                token = await SignInAsync(http, user!, password!, stderr, cancellationToken);
                if (token is null) return Cli.Failed;
            }

            var path = "api/workflow-definitions/" + Uri.EscapeDataString(definitionId)
                + (version is { } n ? "?version=" + n.ToString(CultureInfo.InvariantCulture) : "");
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                await ReportHttpErrorAsync($"Export of '{definitionId}' failed", response, body, stderr);
                return Cli.Failed;
            }
            if (!IsJson(body))
            {
                await stderr.WriteLineAsync($"error: the server's answer for '{definitionId}' is not JSON.");
                return Cli.Failed;
            }

            if (parsed.Get("out") is { } outFile)
            {
                await File.WriteAllTextAsync(outFile, body, new UTF8Encoding(false), cancellationToken);
                await stderr.WriteLineAsync($"Wrote {outFile}.（{outFile} に書き出しました）");
            }
            else
            {
                await stdout.WriteAsync(body);
                if (!body.EndsWith('\n')) await stdout.WriteLineAsync();
            }
            return Cli.Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: cannot write {parsed.Get("out")}: {ex.Message}");
            return Cli.Failed;
        }
        catch (HttpRequestException ex)
        {
            await stderr.WriteLineAsync($"error: cannot reach {server}: {ex.Message}");
            return Cli.Failed;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync($"error: {server} did not answer in time.");
            return Cli.Failed;
        }
    }

    /// <summary>POST /api/auth/login; the access token, or null after reporting the failure.</summary>
    static async Task<string?> SignInAsync(HttpClient http, string user, string password, TextWriter stderr, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/auth/login", new { userName = user, password }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            await ReportHttpErrorAsync($"Sign-in as '{user}' failed", response, body, stderr);
            return null;
        }
        var token = TryParse(body) is JsonObject o && o["accessToken"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrEmpty(token))
            await stderr.WriteLineAsync("error: the sign-in answer has no accessToken.");
        return string.IsNullOrEmpty(token) ? null : token;
    }

    /// <summary>Prints an RFC 7807 problem's title, status, detail and errors[] (or the bare status) on stderr.</summary>
    static async Task ReportHttpErrorAsync(string what, HttpResponseMessage response, string body, TextWriter stderr)
    {
        var status = (int)response.StatusCode;
        var problem = TryParse(body) as JsonObject;
        var title = Text(problem?["title"]) ?? response.ReasonPhrase ?? "HTTP error";
        await stderr.WriteLineAsync($"error: {what}: {status} {title}");
        if (Text(problem?["detail"]) is { } detail)
            await stderr.WriteLineAsync($"  {detail}");
        if (problem?["errors"] is JsonArray errors)
            foreach (var e in errors.OfType<JsonObject>())
                await stderr.WriteLineAsync($"  {Text(e["path"])}: {Text(e["message"])}");
    }

    static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString();

    static bool IsJson(string text) => TryParse(text) is not null;

    static JsonNode? TryParse(string text)
    {
        try { return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text); }
        catch (JsonException) { return null; }
    }
}
