using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Server.Tests.Runtime;

/// <summary>The workflow API as a script uses it.</summary>
public sealed class WorkflowApiClient(HttpClient http)
{
    public HttpClient Http => http;

    public Task<HttpResponseMessage> PostDefinitionAsync(JsonObject definition) =>
        http.PostAsync("/api/workflow-definitions", new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>Saves, publishes and returns the definition id.</summary>
    public async Task<string> PublishAsync(JsonObject definition)
    {
        var saved = await PostDefinitionAsync(definition);
        Assert.True(saved.StatusCode == HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        var definitionId = definition["definitionId"]!.GetValue<string>();
        var published = await http.PostAsync($"/api/workflow-definitions/{definitionId}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return definitionId;
    }

    public async Task<string> StartAsync(string definitionId, object? input = null)
    {
        var response = await http.PostAsJsonAsync("/api/workflow-instances", new { definitionId, input });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> InstanceAsync(string id) => await http.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{id}");

    public async Task<JsonElement[]> JournalAsync(string id) =>
        (await http.GetFromJsonAsync<JsonElement>($"/api/workflow-instances/{id}/journal")).EnumerateArray().ToArray();

    public async Task<string> StatusAsync(string id) =>
        (await InstanceAsync(id)).GetProperty("instance").GetProperty("status").GetString()!;

    public async Task<string> WaitForStatusAsync(string id, string status, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        string current;
        do
        {
            current = await StatusAsync(id);
            if (current == status)
                return current;
            await Task.Delay(200);
        } while (DateTime.UtcNow < until);
        return current;
    }
}
