using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Server.Tests.Inventory;

/// <summary>Calls of the inventory API the tests share.</summary>
public static class InventoryClient
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<byte[]> ExportAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/inventory/export");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(Xlsx, response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] workbook, bool dryRun)
    {
        var content = new ByteArrayContent(workbook);
        content.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        return client.PostAsync($"/api/inventory/import?dryRun={(dryRun ? "true" : "false")}", content);
    }

    /// <summary>Every procedure in full (flows and items), in code order, as the API returns them.</summary>
    public static async Task<string> CatalogueAsync(HttpClient client)
    {
        var list = await client.GetFromJsonAsync<JsonElement[]>("/api/inventory/procedures");
        var all = new JsonArray();
        foreach (var code in list!.Select(p => p.GetProperty("code").GetString()!))
            all.Add(await client.GetFromJsonAsync<JsonNode>($"/api/inventory/procedures/{Uri.EscapeDataString(code)}"));
        return all.ToJsonString();
    }

    public static async Task<JsonObject> ProcedureAsync(HttpClient client, string code) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/inventory/procedures/{Uri.EscapeDataString(code)}"))!;
}
