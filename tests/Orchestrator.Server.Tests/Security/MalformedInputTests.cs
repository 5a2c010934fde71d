using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Orchestrator.Server.Tests.Runtime;

namespace Orchestrator.Server.Tests.Security;

/// <summary>
/// Malformed input is a 400 with problem details naming what was wrong, and nothing is stored. The host answers so in
/// every environment (route handlers throw on bad requests everywhere and one handler answers them); these run in
/// Development, where the framework's own default had been a 500.
/// </summary>
public sealed class MalformedInputTests(OrchestratorFactory factory) : IClassFixture<OrchestratorFactory>
{
    [Fact]
    public async Task Malformed_JSON_is_400_naming_where_it_broke()
    {
        var coordinator = await factory.SignInAsync("coordinator");

        var response = await coordinator.PostAsync("/api/workflow-instances", new StringContent("""{"definitionId": "x", "version": "one"}""", Encoding.UTF8, "application/json"));

        var errors = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("$.version", errors[0].Path);
        var truncated = await coordinator.PostAsync("/api/pilots", new StringContent("""{"name": {"ja": "途中""", Encoding.UTF8, "application/json"));
        await ProblemAsync(truncated, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/workflow-instances?status=x", "status")]
    [InlineData("/api/workflow-instances?take=999999999999", "take")]
    [InlineData("/api/workflow-definitions/any?version=two", "version")]
    public async Task A_query_value_of_the_wrong_type_is_400_naming_the_parameter(string url, string parameter)
    {
        var coordinator = await factory.SignInAsync("coordinator");

        var errors = await ProblemAsync(await coordinator.GetAsync(url), HttpStatusCode.BadRequest);

        Assert.Equal(parameter, errors[0].Path);
    }

    [Fact]
    public async Task A_definition_id_with_a_control_character_is_refused_and_not_saved()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var definition = TestWorkflows.Greeting("nul\u0000id");

        var errors = await ProblemAsync(await new WorkflowApiClient(coordinator).PostDefinitionAsync(definition), HttpStatusCode.BadRequest);

        Assert.Contains(errors, e => e.Path == "$.definitionId");
        var all = await coordinator.GetFromJsonAsync<JsonElement>("/api/workflow-definitions");
        Assert.DoesNotContain(all.EnumerateArray(), d => d.GetProperty("definitionId").GetString()!.StartsWith("nul"));
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_name_is_400_and_nothing_is_stored()
    {
        var coordinator = await factory.SignInAsync("coordinator");
        var definition = TestWorkflows.Greeting("lone-surrogate").ToJsonString().Replace("\"name\":\"lone-surrogate\"", "\"name\":\"\\ud800 broken\"");
        Assert.Contains("\\ud800", definition);

        var saved = await coordinator.PostAsync("/api/workflow-definitions", new StringContent(definition, Encoding.UTF8, "application/json"));
        var errors = await ProblemAsync(saved, HttpStatusCode.BadRequest);
        Assert.Contains(errors, e => e.Path == "$.name");
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/api/workflow-definitions/lone-surrogate")).StatusCode);

        var pilot = await coordinator.PostAsync("/api/pilots", new StringContent("""{"name": {"ja": "\ud800"}, "mode": "Live"}""", Encoding.UTF8, "application/json"));
        Assert.Contains(await ProblemAsync(pilot, HttpStatusCode.BadRequest), e => e.Path == "$.name.ja");
        Assert.Empty(await coordinator.GetFromJsonAsync<JsonElement[]>("/api/pilots") ?? []);

        await new WorkflowApiClient(coordinator).PublishAsync(TestWorkflows.Greeting("surrogate-input"));
        var start = await coordinator.PostAsync("/api/workflow-instances",
            new StringContent("""{"definitionId": "surrogate-input", "input": {"note": "a\udc00b"}}""", Encoding.UTF8, "application/json"));
        Assert.Contains(await ProblemAsync(start, HttpStatusCode.BadRequest), e => e.Path == "$.input.note");
        var instances = await coordinator.GetFromJsonAsync<JsonElement>("/api/workflow-instances?definitionId=surrogate-input");
        Assert.Empty(instances.EnumerateArray());
    }

    private static async Task<List<(string Path, string Message)>> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        return problem.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("path").GetString()!, e.GetProperty("message").GetString()!)).ToList();
    }
}
