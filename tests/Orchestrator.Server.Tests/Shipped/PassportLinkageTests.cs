using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.Server.Tests.Runtime;

namespace Orchestrator.Server.Tests.Shipped;

/// <summary>
/// The shipped to-be passport workflow against demo mode's fake 戸籍 linkage (WireMock.Net, fixtures/agencies/koseki-link):
/// a register found goes straight to the prefecture's electronic review; not found and no answer each ask for a paper
/// 戸籍謄本 through their own step.
/// </summary>
public sealed class PassportLinkageTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private OrchestratorFactory factory = null!;
    private WorkflowApiClient coordinator = null!;

    public async Task InitializeAsync()
    {
        factory = OrchestratorFactory.On(Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n")),
            settings: new Dictionary<string, string?> { ["Demo:FakeAgencies"] = "true" });
        coordinator = new WorkflowApiClient(await factory.SignInAsync("coordinator"));
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private Task<string> ApplyAsync(string caseId, string applicantId, string honsekiCode) =>
        coordinator.StartAsync("ryoken-tobe", new
        {
            caseId, municipalityCode = "131016", residentId = applicantId, name = "架空 旅券 太郎", birthDate = "1990-01-01", honsekiCode,
        });

    /// <summary>Waits until the instance is parked on a clerk's task; returns the linkage call's entry and the task's activity.</summary>
    private async Task<(JsonElement Linkage, string OpenStep)> WaitForTaskAsync(string id)
    {
        var until = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < until)
        {
            var journal = await coordinator.JournalAsync(id);
            var open = journal.Where(j => j.GetProperty("status").GetString() == "Running" && j.GetProperty("activityType").GetString() == "Orchestrator.HumanTask").ToList();
            if (open.Count == 1)
                return (journal.Single(j => j.GetProperty("activityId").GetString() == "ry11"), open[0].GetProperty("activityId").GetString()!);
            await Task.Delay(250);
        }
        throw new TimeoutException($"instance {id} never reached a clerk's task");
    }

    [Fact]
    public async Task Found_goes_to_electronic_review_not_found_and_no_answer_ask_for_a_paper_register_each_their_own_way()
    {
        var found = await ApplyAsync("RY-T-FOUND", "TEST-CHY-P9001", "131016");
        var notFound = await ApplyAsync("RY-T-NF", "TEST-NF-9002", "272035");
        var silent = await ApplyAsync("RY-T-SLOW", "TEST-SLOW-9003", "131016");

        var (linkage, step) = await WaitForTaskAsync(found);
        Assert.Equal(("Done", "ry02"), (linkage.GetProperty("outcome").GetString(), step));
        var variables = (await coordinator.InstanceAsync(found)).GetProperty("variables");
        Assert.True(variables.GetProperty("kosekiCheck").GetProperty("found").GetBoolean());
        Assert.Equal("131016", variables.GetProperty("kosekiCheck").GetProperty("honsekiCode").GetString());

        (linkage, step) = await WaitForTaskAsync(notFound);
        Assert.Equal(("Rejected", "ry12"), (linkage.GetProperty("outcome").GetString(), step));

        // The linkage answers after 20 s; the workflow waits 10 s, then the prefecture steps in.
        (linkage, step) = await WaitForTaskAsync(silent);
        Assert.Equal(("Timeout", "ry99"), (linkage.GetProperty("outcome").GetString(), step));

        // Not found: the passport office asks for the paper register, which the applicant requests by post from
        // the 本籍地 (another municipality than the address): the case now waits for the request to arrive.
        var prefecture = await factory.SignInAsync("clerk-13");
        var inbox = await prefecture.GetFromJsonAsync<JsonElement>("/api/tasks");
        var task = inbox.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("instanceId").GetString() == notFound);
        var taskId = task.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await prefecture.PostAsync($"/api/tasks/{taskId}/claim", null)).StatusCode);
        var completed = await prefecture.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { outcome = "依頼済", data = new { } });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var journal = await coordinator.JournalAsync(notFound);
        Assert.Equal("False", journal.Single(j => j.GetProperty("activityId").GetString() == "honsekiHere").GetProperty("outcome").GetString());
        Assert.Equal("Running", journal.Single(j => j.GetProperty("activityId").GetString() == "postRequest").GetProperty("status").GetString());
    }
}
