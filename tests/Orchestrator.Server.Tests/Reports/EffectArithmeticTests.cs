using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Orchestrator.Server.Tests.Reports;

/// <summary>
/// Every figure of the effect summary, the step comparison and the projection against the hand computation of
/// <see cref="ReportDataset.HandComputed"/>, written out below.
/// </summary>
public sealed class EffectArithmeticTests(HandComputedStore store) : IClassFixture<HandComputedStore>
{
    private const int Precision = 6;
    private readonly OrchestratorFactory factory = store.Factory;
    private HttpClient evaluator => store.Evaluator;

    // Rates valid on the case dates (June 2026): 市民課 3,300, 保険年金課 3,800, 年金事務所 4,200 yen per hour.
    private const double Shimin = 3300, Hoken = 3800, Nenkin = 4200;

    // Per case, by hand (touch minutes; cost yen; lead hours).
    private static readonly double[] AsIsTouch = [15 + 24 + 30, 10 + 20 + 30, 12 + 18 + 36];                    // 69, 60, 66
    private static readonly double[] AsIsCost =
    [
        15.0 / 60 * Shimin + 24.0 / 60 * Hoken + 30.0 / 60 * Nenkin,                                            // 825 + 1520 + 2100 = 4445
        10.0 / 60 * Shimin + 20.0 / 60 * Hoken + 30.0 / 60 * Nenkin,                                            // 550 + 1266.67 + 2100 = 3916.67
        12.0 / 60 * Shimin + 18.0 / 60 * Hoken + 36.0 / 60 * Nenkin,                                            // 660 + 1140 + 2520 = 4320
    ];
    private static readonly double[] AsIsLead = [3, 2, 4];
    private static readonly double[] ToBeTouch = [25, 18 + 5];                                                  // 25, 23
    private static readonly double[] ToBeCost = [25.0 / 60 * Shimin, 18.0 / 60 * Shimin + 5.0 / 60 * Hoken]; // 1375, 1306.67
    private static readonly double[] ToBeLead = [1, 0.5];

    private async Task<JsonElement> GetAsync(string path)
    {
        var response = await evaluator.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static void AssertStat(JsonElement stat, double mean, double median, double p90)
    {
        Assert.Equal(mean, stat.GetProperty("mean").GetDouble(), Precision);
        Assert.Equal(median, stat.GetProperty("median").GetDouble(), Precision);
        Assert.Equal(p90, stat.GetProperty("p90").GetDouble(), Precision);
    }

    private static void AssertDelta(JsonElement delta, double value, double? reductionRate)
    {
        Assert.Equal(value, delta.GetProperty("value").GetDouble(), Precision);
        if (reductionRate is { } rate)
            Assert.Equal(rate, delta.GetProperty("reductionRate").GetDouble(), Precision);
        else
            Assert.Equal(JsonValueKind.Null, delta.GetProperty("reductionRate").ValueKind);
    }

    [Fact]
    public async Task The_effect_summary_equals_the_hand_computation_on_every_axis()
    {
        var report = await GetAsync("/api/reports/effect?processKey=okuyami&seed=7");
        var p = Assert.Single(report.GetProperty("processes").EnumerateArray());
        Assert.Equal("okuyami", p.GetProperty("processKey").GetString());
        var asIs = p.GetProperty("asIs");
        var toBe = p.GetProperty("toBe");
        var delta = p.GetProperty("delta");
        Assert.Equal(3, asIs.GetProperty("n").GetInt32());
        Assert.Equal(2, toBe.GetProperty("n").GetInt32());

        // Touch: as-is sorted 60, 66, 69 → median 66; P90: h = (3 − 1)·0.9 = 1.8 → 66 + 0.8·(69 − 66) = 68.4.
        AssertStat(asIs.GetProperty("touchMinutes"), AsIsTouch.Average(), 66, 66 + 0.8 * (69 - 66));
        // To-be 23, 25 → median: h = 0.5 → 24; P90: h = 0.9 → 23 + 0.9·2 = 24.8.
        AssertStat(toBe.GetProperty("touchMinutes"), 24, 24, 23 + 0.9 * 2);
        AssertDelta(delta.GetProperty("touchMinutes"), 65 - 24, 41.0 / 65);

        // Cost: as-is sorted 3916.67, 4320, 4445 → median 4320, P90 4320 + 0.8·125 = 4420.
        AssertStat(asIs.GetProperty("costYen"), AsIsCost.Average(), 4320, 4320 + 0.8 * (4445 - 4320));
        AssertStat(toBe.GetProperty("costYen"), ToBeCost.Average(), ToBeCost.Average(), ToBeCost[1] + 0.9 * (ToBeCost[0] - ToBeCost[1]));
        AssertDelta(delta.GetProperty("costYen"), AsIsCost.Average() - ToBeCost.Average(), (AsIsCost.Average() - ToBeCost.Average()) / AsIsCost.Average());

        // Lead time 3, 2, 4 h and 1, 0.5 h; all inside office hours, so business hours are the same.
        AssertStat(asIs.GetProperty("leadTimeHours"), 3, 3, 3 + 0.8 * 1);
        AssertStat(toBe.GetProperty("leadTimeHours"), 0.75, 0.75, 0.5 + 0.9 * 0.5);
        AssertDelta(delta.GetProperty("leadTimeHours"), 2.25, 2.25 / 3);
        AssertStat(asIs.GetProperty("leadTimeBusinessHours"), 3, 3, 3.8);
        AssertDelta(delta.GetProperty("leadTimeBusinessHours"), 2.25, 0.75);

        // Per case the same in every case of an arm: forms 1+3+2 = 6 vs 1 (+0); visits 3 vs 1 (no visit groups);
        // documents 2+2+3 = 7 vs 2; resident hours (45+40+90)/60 vs 60/60; transcribed items 8+24+16 = 48 vs 8.
        var constant = new (string Name, double AsIs, double ToBe)[]
        {
            ("forms", 6, 1), ("residentVisits", 3, 1), ("residentDocuments", 7, 2),
            ("residentHours", 175.0 / 60, 1), ("transcribedItems", 48, 8),
        };
        foreach (var (name, a, t) in constant)
        {
            AssertStat(asIs.GetProperty(name), a, a, a);
            AssertStat(toBe.GetProperty(name), t, t, t);
            AssertDelta(delta.GetProperty(name), a - t, (a - t) / a);
            // Every resample of a constant arm has the same mean, so the bootstrap interval is the point itself.
            var ci = delta.GetProperty(name).GetProperty("ci95");
            Assert.Equal(a - t, ci[0].GetDouble(), Precision);
            Assert.Equal(a - t, ci[1].GetDouble(), Precision);
        }

        // 業務数 counts staff steps only: as-is 3 in every case; to-be T1 OK-11 (its OK-09 is the System's: an automated
        // step, not a 業務), T2 OK-11 + OK-03 → 1 and 2: mean 1.5, median 1.5, P90 1 + 0.9 = 1.9; automated 0 vs 1 and 0.
        AssertStat(asIs.GetProperty("steps"), 3, 3, 3);
        AssertStat(toBe.GetProperty("steps"), 1.5, 1.5, 1.9);
        AssertDelta(delta.GetProperty("steps"), 1.5, 0.5);
        AssertStat(asIs.GetProperty("automatedSteps"), 0, 0, 0);
        AssertStat(toBe.GetProperty("automatedSteps"), 0.5, 0.5, 0.9);

        // A resample mean lies between the arm's smallest and largest case: as-is 60..69, to-be 23..25 → Δ* in 35..46.
        var touchCi = delta.GetProperty("touchMinutes").GetProperty("ci95");
        Assert.InRange(touchCi[0].GetDouble(), 60 - 25, 41);
        Assert.InRange(touchCi[1].GetDouble(), 41, 69 - 23);
        Assert.True(touchCi[0].GetDouble() < touchCi[1].GetDouble());

        Assert.Contains("n<30", p.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.True(asIs.GetProperty("smallSample").GetBoolean());
        var population = p.GetProperty("population");
        Assert.Equal(5, population.GetProperty("cases").GetInt32());
        Assert.Equal(0, population.GetProperty("simulated").GetInt32());
        Assert.Equal(1, population.GetProperty("editedSteps").GetInt32());
        Assert.Equal(12, population.GetProperty("clerkSteps").GetInt32());

        var definitions = report.GetProperty("definitions").EnumerateArray().Select(d => d.GetString()!).ToList();
        Assert.Contains(definitions, d => d.StartsWith("タッチタイム"));
        Assert.Contains(definitions, d => d.Contains("seed = 7") && d.Contains("B = 2000"));
        Assert.Contains(definitions, d => d.Contains("第 1 版"));
        Assert.Equal(7, report.GetProperty("bootstrap").GetProperty("seed").GetInt32());
    }

    [Fact]
    public async Task The_step_comparison_matches_steps_by_code_and_equals_the_hand_computation()
    {
        var report = await GetAsync("/api/reports/steps?processKey=okuyami");
        var p = Assert.Single(report.GetProperty("processes").EnumerateArray());
        var steps = p.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("stepCode").GetString()!);
        Assert.Equal(["OK-01", "OK-03", "OK-09", "OK-11"], p.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("stepCode").GetString()));

        // OK-01 only in as-is: removed. Touch 15, 10, 12 → mean 37/3, median 12, P90 12 + 0.8·3; durations 30, 20, 40 min.
        var ok01 = steps["OK-01"];
        Assert.Equal("removed", ok01.GetProperty("classification").GetString());
        Assert.Equal("死亡届受付", ok01.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, ok01.GetProperty("toBe").ValueKind);
        var a01 = ok01.GetProperty("asIs");
        Assert.Equal(3, a01.GetProperty("n").GetInt32());
        Assert.Equal(3, a01.GetProperty("cases").GetInt32());
        Assert.Equal("Municipality", a01.GetProperty("actorOrgLevel").GetString());
        AssertStat(a01.GetProperty("touchMinutes"), 37.0 / 3, 12, 12 + 0.8 * 3);
        AssertStat(a01.GetProperty("durationMinutes"), 30, 30, 30 + 0.8 * 10);
        Assert.Equal(1, a01.GetProperty("formsPerCase").GetDouble(), Precision);
        Assert.Equal(37.0 / 3, a01.GetProperty("touchMinutesPerCase").GetDouble(), Precision);
        Assert.Equal(37.0 / 60 * Shimin / 3, a01.GetProperty("costYenPerCase").GetDouble(), Precision);

        // OK-03 in both: touch 24, 20, 18 (mean 62/3) → 5 in one of two to-be cases; forms 3 → 0: shortened.
        var ok03 = steps["OK-03"];
        Assert.Equal("shortened", ok03.GetProperty("classification").GetString());
        AssertStat(ok03.GetProperty("asIs").GetProperty("touchMinutes"), 62.0 / 3, 20, 20 + 0.8 * 4);
        Assert.Equal(3, ok03.GetProperty("asIs").GetProperty("formsPerCase").GetDouble(), Precision);
        var t03 = ok03.GetProperty("toBe");
        Assert.Equal(1, t03.GetProperty("n").GetInt32());
        Assert.Equal(1, t03.GetProperty("cases").GetInt32());
        AssertStat(t03.GetProperty("touchMinutes"), 5, 5, 5);
        AssertStat(t03.GetProperty("durationMinutes"), 10, 10, 10);
        Assert.Equal(0, t03.GetProperty("formsPerCase").GetDouble(), Precision);
        Assert.Equal(5.0 / 2, t03.GetProperty("touchMinutesPerCase").GetDouble(), Precision);

        // OK-09: a 年金事務所 clerk in as-is (30, 30, 36 min), the resident registry network (System) in to-be: automated.
        var ok09 = steps["OK-09"];
        Assert.Equal("automated", ok09.GetProperty("classification").GetString());
        Assert.Equal("National", ok09.GetProperty("asIs").GetProperty("actorOrgLevel").GetString());
        Assert.Equal("System", ok09.GetProperty("toBe").GetProperty("actorOrgLevel").GetString());
        AssertStat(ok09.GetProperty("asIs").GetProperty("touchMinutes"), 32, 30, 30 + 0.8 * 6);
        AssertStat(ok09.GetProperty("toBe").GetProperty("touchMinutes"), 0, 0, 0);
        Assert.Equal(2, ok09.GetProperty("asIs").GetProperty("formsPerCase").GetDouble(), Precision);
        Assert.Equal(0.5, ok09.GetProperty("toBe").GetProperty("cases").GetInt32() / 2.0, Precision);

        // OK-11 only in to-be: new. Touch 25, 18 → median 21.5.
        var ok11 = steps["OK-11"];
        Assert.Equal("new", ok11.GetProperty("classification").GetString());
        Assert.Equal(JsonValueKind.Null, ok11.GetProperty("asIs").ValueKind);
        AssertStat(ok11.GetProperty("toBe").GetProperty("touchMinutes"), 21.5, 21.5, 18 + 0.9 * 7);
        Assert.Equal(1, ok11.GetProperty("toBe").GetProperty("formsPerCase").GetDouble(), Precision);

        // Summed over steps, the per-case forms give the arm's forms per case (6 and 1).
        Assert.Equal(6, steps.Values.Sum(s => s.GetProperty("asIs").ValueKind == JsonValueKind.Null ? 0 : s.GetProperty("asIs").GetProperty("formsPerCase").GetDouble()), Precision);
        Assert.Contains(report.GetProperty("definitions").EnumerateArray(), d => d.GetString()!.StartsWith("ステップ比較"));
    }

    [Fact]
    public async Task The_projection_multiplies_the_per_case_saving_by_the_configured_volumes_and_says_it_is_a_projection()
    {
        var report = await GetAsync("/api/reports/projection?processKey=okuyami&municipality=131016");
        Assert.Equal("projection", report.GetProperty("label").GetString());
        Assert.Equal("推計", report.GetProperty("labelJa").GetString());
        var p = Assert.Single(report.GetProperty("processes").EnumerateArray());

        var deltaTouch = 65.0 - 24;
        var deltaCost = AsIsCost.Average() - ToBeCost.Average();
        Assert.Equal(deltaTouch, p.GetProperty("perCase").GetProperty("touchMinutes").GetDouble(), Precision);

        // 千代田区: 600 おくやみ cases a year (fixtures/volumes.json).
        var chiyoda = Assert.Single(p.GetProperty("municipalities").EnumerateArray());
        Assert.Equal("131016", chiyoda.GetProperty("municipalityCode").GetString());
        Assert.Equal(600, chiyoda.GetProperty("annualVolume").GetDouble());
        var annual = chiyoda.GetProperty("annual");
        Assert.Equal(41.0 * 600 / 60, annual.GetProperty("touchHours").GetDouble(), Precision);          // 410 h
        Assert.Equal(deltaCost * 600, annual.GetProperty("costYen").GetDouble(), 4);
        Assert.Equal(5.0 * 600, annual.GetProperty("forms").GetDouble(), Precision);                   // 3,000 forms
        Assert.Equal(2.0 * 600, annual.GetProperty("residentVisits").GetDouble(), Precision);          // 1,200 visits
        Assert.Equal(5.0 * 600, annual.GetProperty("residentDocuments").GetDouble(), Precision);
        Assert.Equal((175.0 / 60 - 1) * 600, annual.GetProperty("residentHours").GetDouble(), Precision); // 1,150 h
        Assert.Equal(410.0 / 1900, annual.GetProperty("fte").GetDouble(), Precision);                  // 1,900 working hours a year

        // Nationwide: 1,600,000 cases a year over 1,741 municipalities.
        var nation = p.GetProperty("nationwide");
        Assert.Equal(1741, nation.GetProperty("municipalityCount").GetInt32());
        Assert.Equal(1_600_000, nation.GetProperty("annualVolume").GetDouble());
        Assert.Equal(41.0 * 1_600_000 / 60, nation.GetProperty("annual").GetProperty("touchHours").GetDouble(), 3);
        Assert.Equal(deltaCost * 1_600_000, nation.GetProperty("annual").GetProperty("costYen").GetDouble(), 1);
        Assert.Equal(41.0 * 1_600_000 / 60 / 1900, nation.GetProperty("annual").GetProperty("fte").GetDouble(), Precision);
        var ci = p.GetProperty("perCase").GetProperty("costYenCi95");
        Assert.Equal(ci[0].GetDouble() * 1_600_000, nation.GetProperty("annual").GetProperty("costYenCi95")[0].GetDouble(), 1);
        Assert.Contains(report.GetProperty("definitions").EnumerateArray(), d => d.GetString()!.Contains("projection"));
    }

    [Fact]
    public async Task The_handoff_matrix_counts_latencies_and_failures_by_hand()
    {
        var report = await GetAsync("/api/reports/handoffs");
        var cell = report.GetProperty("allAsIs").GetProperty("cells").EnumerateArray()
            .Single(c => c.GetProperty("sender").GetString() == "Municipality" && c.GetProperty("receiver").GetString() == "National");
        // Four papers sent; received after 0.5, 50/60 and 80/60 hours; one never arrived after two failed attempts.
        Assert.Equal(4, cell.GetProperty("count").GetInt32());
        Assert.Equal(3, cell.GetProperty("received").GetInt32());
        Assert.Equal(1, cell.GetProperty("failed").GetInt32());
        Assert.Equal(2, cell.GetProperty("failedAttempts").GetInt32());
        AssertStat(cell.GetProperty("latencyHours"), (0.5 + 50.0 / 60 + 80.0 / 60) / 3, 50.0 / 60, 50.0 / 60 + 0.8 * (80.0 / 60 - 50.0 / 60));
        Assert.Equal(9, report.GetProperty("allAsIs").GetProperty("cells").GetArrayLength());
        Assert.All(report.GetProperty("allToBe").GetProperty("cells").EnumerateArray(), c => Assert.Equal(0, c.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task Effort_is_grouped_by_organisation_and_role_with_pseudonymous_clerks()
    {
        var report = await GetAsync("/api/reports/effort?processKey=okuyami");
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        var shimin = rows.Single(r => r.GetProperty("arm").GetString() == "AsIs" && r.GetProperty("role").GetString() == "市民課");
        Assert.Equal(3, shimin.GetProperty("tasks").GetInt32());
        Assert.Equal(37, shimin.GetProperty("touchMinutes").GetDouble(), Precision);
        Assert.Equal(37.0 / 60 * Shimin, shimin.GetProperty("costYen").GetDouble(), Precision);
        Assert.Equal("千代田区", shimin.GetProperty("orgNameJa").GetString());
        // Queue: A1 waited 10 minutes, A2 and A3 were claimed at once.
        AssertStat(shimin.GetProperty("queueMinutes"), 10.0 / 3, 0, 0 + 0.8 * 10);
        var clerk = Assert.Single(report.GetProperty("clerks").EnumerateArray().Select(c => c.GetProperty("pseudonym").GetString()).Distinct());
        Assert.StartsWith("clerk-", clerk);
        Assert.DoesNotContain("user-1", report.ToString());
        Assert.DoesNotContain("架空", report.ToString());
    }

    [Fact]
    public async Task Report_routes_are_for_evaluators_coordinators_and_admins_and_bad_filters_are_rejected()
    {
        var clerk = await factory.SignInAsync("clerk-131016");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/reports/effect")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/exports/csv")).StatusCode);
        var coordinator = await factory.SignInAsync("coordinator");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/api/reports/trend")).StatusCode);

        var bad = await evaluator.GetAsync("/api/reports/effect?mode=sometimes&seed=x");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["mode", "seed"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()));
    }

    [Fact]
    public async Task The_method_report_applies_every_filter_to_cases_and_to_unfinished_instances()
    {
        var none = await GetAsync("/api/reports/method?pilotId=none&cycleId=none&processKey=okuyami&municipality=131016&mode=live");
        Assert.Equal(0, none.GetProperty("dataQuality").GetProperty("cases").GetInt32());
        Assert.Empty(none.GetProperty("dataQuality").GetProperty("unfinishedInstances").EnumerateObject());
    }

    [Fact]
    public async Task Filters_select_cases_by_mode_municipality_and_cycle()
    {
        var simulated = await GetAsync("/api/reports/effect?mode=simulated");
        Assert.Empty(simulated.GetProperty("processes").EnumerateArray());
        var other = await GetAsync("/api/reports/effect?municipality=272035");
        Assert.Empty(other.GetProperty("processes").EnumerateArray());
        var cycle = await GetAsync("/api/reports/trend?processKey=okuyami");
        var only = Assert.Single(cycle.GetProperty("processes")[0].GetProperty("cycles").EnumerateArray());
        Assert.Equal("cycle-1", only.GetProperty("cycleId").GetString());
        Assert.Equal(65 - 24, only.GetProperty("deltaTouchMinutes").GetDouble(), Precision);
    }
}

/// <summary>One store with the hand-computed dataset for the read-only report tests.</summary>
public sealed class HandComputedStore : IAsyncLifetime
{
    public OrchestratorFactory Factory { get; } = new();
    public HttpClient Evaluator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ReportDataset.WriteAsync(Factory.Services, ReportDataset.HandComputed());
        Evaluator = await Factory.SignInAsync("evaluator");
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
