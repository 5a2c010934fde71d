using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Pilots;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Tests.Reports;

/// <summary>
/// A report covers one definition version per process and arm unless asked otherwise: the latest one used, or the one
/// the pilot pins; `versions=all` pools them and flags the mix; `definitionId@version` names them.
/// </summary>
public sealed class VersionFilterTests : IAsyncLifetime
{
    private readonly OrchestratorFactory factory = new();
    private HttpClient evaluator = null!;

    public async Task InitializeAsync()
    {
        // Process "ver": as-is version 1 declares 4 forms, version 2 declares 2 (two cases each); to-be version 1, 1 form.
        var at = ReportDataset.At;
        ReportDataset.Case Case(string id, string arm, int version, double forms, int day) => new(id, arm, at(6, day, 9), at(6, day, 10),
            [new("V-01", "受付", "Municipality", "市民課", at(6, day, 9), at(6, day, 9, 10), Forms: forms, Effort: 10, Claimed: at(6, day, 9))],
            ProcessKey: "ver", PilotId: "pilot-ver", Version: version);
        await ReportDataset.WriteAsync(factory.Services,
        [
            Case("a1", "AsIs", 1, 4, 1), Case("a2", "AsIs", 1, 4, 2), Case("a3", "AsIs", 2, 2, 3), Case("a4", "AsIs", 2, 2, 4),
            Case("t1", "ToBe", 1, 1, 1), Case("t2", "ToBe", 1, 1, 2),
        ]);
        evaluator = await factory.SignInAsync("evaluator");
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<JsonElement> ProcessAsync(string query)
    {
        var report = await evaluator.GetFromJsonAsync<JsonElement>($"/api/reports/effect?processKey=ver{query}");
        return Assert.Single(report.GetProperty("processes").EnumerateArray());
    }

    private static (int N, double Forms, string?[] Flags) Read(JsonElement p) => (
        p.GetProperty("asIs").GetProperty("n").GetInt32(), p.GetProperty("asIs").GetProperty("forms").GetProperty("mean").GetDouble(),
        p.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ToArray());

    [Fact]
    public async Task By_default_the_latest_version_used_is_reported_and_the_cases_of_others_are_left_out_and_flagged()
    {
        var p = await ProcessAsync("");
        var (n, forms, flags) = Read(p);
        Assert.Equal((2, 2.0), (n, forms));
        Assert.Contains("other-versions-excluded", flags);
        Assert.DoesNotContain("mixed-versions", flags);
        Assert.Equal(2.0 - 1.0, p.GetProperty("delta").GetProperty("forms").GetProperty("value").GetDouble(), 9);
        var versions = p.GetProperty("versions").EnumerateArray()
            .Select(v => (v.GetProperty("definitionId").GetString(), v.GetProperty("version").GetInt32(), v.GetProperty("cases").GetInt32(), v.GetProperty("included").GetBoolean()))
            .ToList();
        Assert.Equal([("ver-asis", 1, 2, false), ("ver-asis", 2, 2, true), ("ver-tobe", 1, 2, true)], versions);
    }

    [Fact]
    public async Task All_versions_pool_the_cases_and_flag_the_mix_and_named_versions_are_kept()
    {
        var (n, forms, flags) = Read(await ProcessAsync("&versions=all"));
        Assert.Equal((4, 3.0), (n, forms));
        Assert.Contains("mixed-versions", flags);
        Assert.DoesNotContain("other-versions-excluded", flags);

        // A definition the list does not name (the to-be one) keeps its latest version.
        var named = await ProcessAsync("&versions=ver-asis@1");
        (n, forms, flags) = Read(named);
        Assert.Equal((2, 4.0), (n, forms));
        Assert.Equal(2, named.GetProperty("toBe").GetProperty("n").GetInt32());
        Assert.Contains("other-versions-excluded", flags);

        var bad = await evaluator.GetAsync("/api/reports/effect?versions=ver-asis@latest");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("versions", problem.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_pilot_that_pins_a_version_is_reported_on_that_version()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Pilots.Add(new Pilot
            {
                Id = "pilot-ver", NameJa = "版のテスト", Mode = PilotMode.Live, ConcurrencyToken = Guid.NewGuid(),
                ConfigurationJson = """
                    { "name": { "ja": "版のテスト" }, "mode": "Live", "active": false, "casesPerCycle": 1,
                      "processes": [ { "processKey": "ver", "asIs": { "definitionId": "ver-asis", "version": 1 }, "toBe": { "definitionId": "ver-tobe" } } ] }
                    """,
            });
            await db.SaveChangesAsync();
        }
        var (n, forms, flags) = Read(await ProcessAsync("&pilotId=pilot-ver"));
        Assert.Equal((2, 4.0), (n, forms));
        Assert.Contains("other-versions-excluded", flags);
        // Without the pilot in the filter nothing is pinned: the latest version again.
        Assert.Equal(2.0, Read(await ProcessAsync("")).Forms);
    }
}
