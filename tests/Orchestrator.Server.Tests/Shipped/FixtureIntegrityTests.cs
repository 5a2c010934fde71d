using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Agencies;
using static Orchestrator.Server.Tests.Shipped.ShippedProcessTests;

namespace Orchestrator.Server.Tests.Shipped;

/// <summary>What the shipped processes and the demo pilots refer to exists in the fixtures.</summary>
public sealed class FixtureIntegrityTests
{
    private static async Task<List<Orchestrator.Server.Pilots.Simulation.SimulatedInstance>> EverySimulatedCaseAsync()
    {
        var all = new List<Orchestrator.Server.Pilots.Simulation.SimulatedInstance>();
        foreach (var process in Processes)
            foreach (var arm in new[] { "as-is", "to-be" })
                all.AddRange(await SimulateAsync(process, arm));
        return all;
    }

    private static JsonNode Read(params string[] path) => JsonNode.Parse(File.ReadAllText(Path.Combine([Root, .. path])))!;

    [Fact]
    public async Task Every_organisation_a_workflow_an_agency_or_a_demo_pilot_names_exists_in_the_fixtures()
    {
        var known = Read("fixtures", "organisations.json")["organisations"]!.AsArray().Select(o => o!["code"]!.GetValue<string>()).ToHashSet();
        var used = new Dictionary<string, string>();
        foreach (var instance in await EverySimulatedCaseAsync())
        {
            foreach (var task in instance.Tasks)
                used[task.OrganisationCode ?? "(none)"] = $"{instance.Case.Definition.DefinitionId} {task.Bookmark.ActivityId}";
            foreach (var handoff in instance.Handoffs.Where(h => h.Agency is null))
            {
                used[handoff.Bookmark.Payload!["fromOrgCode"]!.GetValue<string>()] = $"{instance.Case.Definition.DefinitionId} {handoff.Bookmark.ActivityId}";
                used[handoff.Bookmark.Payload!["toOrgCode"]!.GetValue<string>()] = $"{instance.Case.Definition.DefinitionId} {handoff.Bookmark.ActivityId}";
            }
        }
        foreach (var (name, agency) in Read("src", "Orchestrator.Server", "appsettings.json")["Agencies"]!.AsObject())
            used[agency!["OrgCode"]!.GetValue<string>()] = $"Agencies:{name}";
        foreach (var pilot in Read("fixtures", "pilots", "demo.json")["pilots"]!.AsArray())
            foreach (var code in pilot!["municipalities"]!.AsArray())
                used[code!.GetValue<string>()] = $"pilot {pilot["id"]}";

        Assert.True(used.Count >= 8);
        Assert.All(used, u => Assert.True(known.Contains(u.Key), $"{u.Value} names organisation '{u.Key}', which fixtures/organisations.json does not have"));
    }

    [Fact]
    public async Task Every_agency_operation_the_workflows_call_is_answered_by_a_fixture_mapping_of_the_fake_agencies()
    {
        var calls = (await EverySimulatedCaseAsync()).SelectMany(i => i.Handoffs.Where(h => h.Agency is not null)).ToList();
        var operations = calls.Select(c => (c.Agency!, c.Operation!)).Distinct().ToList();
        Assert.True(operations.Count >= 6, string.Join(", ", operations));

        await using var factory = OrchestratorFactory.On(Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n")),
            settings: new Dictionary<string, string?> { ["Demo:FakeAgencies"] = "true" });
        var registry = factory.Services.GetRequiredService<AgencyOptions>();
        foreach (var (agency, operation) in operations)
        {
            Assert.True(registry.Systems.TryGetValue(agency, out var endpoint), $"agency '{agency}' is not in the registry");
            Assert.True(AgencyOperations.Exists(endpoint!.Api, operation), $"{agency} ({endpoint.Api}) has no operation '{operation}'");
            var payload = calls.First(c => c.Agency == agency && c.Operation == operation).Bookmark.Payload!;
            using var scope = factory.Services.CreateScope();
            var response = await AgencyOperations.InvokeAsync(scope.ServiceProvider, agency, endpoint.Api, operation,
                new AgencyRequest(payload["payload"] as JsonObject ?? [], payload["idempotencyKey"]?.GetValue<string>()), CancellationToken.None);
            Assert.True(response.IsSuccessStatusCode, $"{agency}.{operation}: {(int?)response.StatusCode} {response.Error?.Message}");
        }
    }
}
