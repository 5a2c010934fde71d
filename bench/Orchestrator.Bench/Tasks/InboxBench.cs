using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Store;
using Orchestrator.Server.Tasks;

namespace Orchestrator.Bench;

/// <summary>
/// The clerk's inbox over 20,000 tasks of one organisation in the SQLite store (18,000 completed, 2,000 open or
/// claimed, most with a due time): the median time of the first page (active tasks by due time), of the last page of
/// every task, and of the overdue filter, through HTTP on the real server.
/// </summary>
public sealed class InboxBench : IBenchCase
{
    private const int Tasks = 20_000, Active = 2_000;
    private const string Password = "Bench-Inbox-Pass-1";
    private const string Organisation = "131016";

    public string Name => "inbox";
    public string Description => "a clerk's inbox over 20,000 tasks of their organisation in the SQLite store (ms per request)";

    public async Task RunAsync(FigureWriter report)
    {
        // No demo accounts (their banner would go to stdout, which carries only figures): the bench clerk signs in.
        await using var host = new BenchHost(new Dictionary<string, string> { ["Demo:Enabled"] = "false", ["Auth:BootstrapAdminPassword"] = Password });
        await FillAsync(host.Services);
        using var http = host.CreateClient();
        var login = await http.PostAsJsonAsync("/api/auth/login", new { userName = "bench-clerk", password = Password });
        login.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());

        var first = await http.GetFromJsonAsync<JsonElement>("/api/tasks");
        if (first.GetProperty("counts").GetProperty("completed").GetInt32() != Tasks - Active)
            throw new InvalidOperationException("the inbox does not count the stored tasks");
        report.Write(new Figure("inbox.first_page_ms", await MedianMsAsync(http, "/api/tasks"), "ms"));
        report.Write(new Figure("inbox.last_page_all_ms", await MedianMsAsync(http, $"/api/tasks?status=all&skip={Tasks - 50}"), "ms"));
        report.Write(new Figure("inbox.overdue_ms", await MedianMsAsync(http, "/api/tasks?due=overdue"), "ms"));
        report.Write(new Figure("inbox.tasks", Tasks, "tasks of the clerk's organisation in the store"));
        report.Write(new Figure("inbox.load_average", double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture),
            "runnable threads (1-min load average of the machine)"));
    }

    private static Task<double> MedianMsAsync(HttpClient http, string path) =>
        Rounds.MedianAsync(9, () => TimeAsync(http, path), () => TimeAsync(http, path), ms => ms);

    private static async Task<double> TimeAsync(HttpClient http, string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task FillAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var clerk = new AppUser { UserName = "bench-clerk", DisplayName = "bench-clerk", OrganisationCode = Organisation };
        if (!(await users.CreateAsync(clerk, Password)).Succeeded || !(await users.AddToRoleAsync(clerk, Roles.Clerk)).Succeeded)
            throw new InvalidOperationException("could not create the bench clerk");

        var bulk = scope.ServiceProvider.GetRequiredService<IBulkRows>();
        var start = DateTimeOffset.UtcNow.AddDays(-60);
        var random = new Random(24);
        for (var i = 0; i < Tasks; i++)
        {
            var status = i < Active ? (i % 5 == 0 ? HumanTaskStatus.Claimed : HumanTaskStatus.Open) : HumanTaskStatus.Completed;
            var created = start.AddMinutes(i * 4);
            bulk.Add(new HumanTaskRecord
            {
                Id = $"bench-{i:D6}", InstanceId = $"bench-{i:D6}", BookmarkId = $"bench-{i:D6}", ActivityExecutionId = $"bench-{i:D6}",
                ActivityId = "review", ActivityType = "Orchestrator.HumanTask", Title = "書類の確認", ProcessKey = $"process-{i % 8}",
                ProcessName = "書類の確認", CaseId = $"CASE-{i:D7}", AssigneeOrgLevel = "Municipality", AssigneeOrgCode = Organisation,
                Status = status, CreatedAt = created, CompletedAt = status == HumanTaskStatus.Completed ? created.AddHours(3) : null,
                DueAt = i % 4 == 0 ? null : created.AddDays(random.Next(1, 90)).ToOffset(TimeSpan.FromHours(9)),
                CaseDataJson = """{"kind":"転入","count":2}""", ConcurrencyToken = Guid.NewGuid(),
            });
        }
        await bulk.SaveAsync(CancellationToken.None);
    }
}
