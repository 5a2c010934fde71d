using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using Orchestrator.Engine;

namespace Orchestrator.Server.Tests.Reports;

/// <summary>
/// Live, simulated and imported records mixed in one pilot, every figure of the five axes, the share of each source,
/// the banner, the per-municipality Δ and the payback against the hand computation written out below.
/// </summary>
public sealed class MixedEvidenceTests(MixedEvidenceStore store) : IClassFixture<MixedEvidenceStore>
{
    private const int Precision = 6;

    // ---------------------------------------------------------------- the hand computation
    //
    // Rates (EvidencePilot.Rates): 市民課 ¥3,000/h published; 保険年金課 and 税務課 take the municipal default ¥4,000/h,
    // 年金事務所 the national default ¥5,000/h (estimates). All times are inside office hours (8:30–17:15 JST).
    //
    // LA, as-is, live (29 plain cases at 131016): M-01 12 min, M-03 15, M-04 15, M-09 20 (9:00 → 13:20).
    //   touch 62; lead 13/3 h; personnel 12/60·3000 + 15/60·4000 + 15/60·4000 + 20/60·5000 = 600 + 1000 + 1000 + 5000/3,
    //   of which 600 published; other cost 20 (paper, measured); forms 1 + 2 + 2 + 1 = 6 (M-01's 1 published);
    //   transcribed 4; trips: M-01 1 + the 庁舎 group (M-03, M-04) once + M-09 1 = 3; documents 2; resident 30 min;
    //   業務数 4 (all staff); automated 0; resident procedures 0; rework 0.
    // LA01: as LA, but a time study timed its M-03 at 18 min, which replaces the task screen's 15:
    //   touch 65; personnel 600 + 18/60·4000 (1200) + 1000 + 5000/3.
    // LR, as-is, live, 131016: M-01 12 min → 差戻し (rework), M-01R (the resident's 補正: 1 visit, 1 document, 60 min),
    //   M-01 again 6 min, then as LA. touch 68; personnel 18/60·3000 (900, published) + 1000 + 1000 + 5000/3;
    //   forms 7 (2 published); transcribed 8; 業務数 4; resident procedures 1 (M-01R); rework 1 → not first time right.
    //   Its questionnaire answer replaces the metadata's resident figures: trips 4, documents 4, 2.5 h, satisfaction 2.
    // TA: as LA, at 272035. SA: as LA, simulated (131016).
    // TS1, as-is, known only from a time study (131016): M-03 13:00–13:20 (20 min) and M-09 30 min.
    //   touch 50; personnel 20/60·4000 + 30/60·5000 = 1333.33 + 2500; other 20 (M-03's paper, measured);
    //   forms 2 + 1 = 3, trips: 庁舎 1 + M-09 1 = 2, documents 0, resident 0 h (metadata of the listed steps);
    //   業務数 2; no lead time, rework, automated steps or resident procedures (no run).
    // LB, to-be, live (31 at 131016): M-11 20 min, M-09 by the System, M-03 5 min (9:00 → 9:35).
    //   touch 25; lead 35/60 h; personnel 20/60·3000 (1000, published) + 5/60·4000; other 80 (postage, published);
    //   forms 1 (published); transcribed 2; trips 1; documents 1; resident 60 min (published);
    //   業務数 2 (M-11, M-03); automated 1 (M-09); rework 0.
    // TB: as LB, at 272035. SB: as LB, simulated (131016).
    // ANON, to-be, an anonymous answer at 272035: trips 1, documents 0, 0.5 h, satisfaction 5; nothing else.

    private const double NaN = double.NaN;

    /// <summary>A kind of case: how many, arm, municipality, simulated, and its figures in the order of EffectMetric.</summary>
    private sealed record Kind(string Name, int Count, string Arm, string Municipality, bool Simulated, double[] Values);

    private static double[] V(
        double touch, double lead, double personnel, double other, double forms, double transcribed, double steps, double automated,
        double rework, double trips, double documents, double hours, double procedures, double satisfaction) =>
        [touch, lead, lead, double.IsNaN(personnel) ? NaN : personnel + other, personnel, other, forms, transcribed, steps, automated, rework,
            double.IsNaN(rework) ? NaN : rework == 0 ? 1 : 0, trips, documents, hours, procedures, satisfaction];

    private static readonly double PersonnelLA = 600 + 1000 + 1000 + 5000.0 / 3;
    private static readonly double PersonnelLB = 1000 + 5.0 / 60 * 4000;
    private static readonly double[] LA = V(62, 13.0 / 3, PersonnelLA, 20, 6, 4, 4, 0, 0, 3, 2, 0.5, 0, NaN);
    private static readonly double[] LB = V(25, 35.0 / 60, PersonnelLB, 80, 1, 2, 2, 1, 0, 1, 1, 1, 0, NaN);

    private static readonly Kind[] Kinds =
    [
        new("LA", 29, "AsIs", "131016", false, LA),
        new("LA01", 1, "AsIs", "131016", false, V(65, 13.0 / 3, 600 + 1200 + 1000 + 5000.0 / 3, 20, 6, 4, 4, 0, 0, 3, 2, 0.5, 0, NaN)),
        new("LR", 1, "AsIs", "131016", false, V(68, 13.0 / 3, 900 + 1000 + 1000 + 5000.0 / 3, 20, 7, 8, 4, 0, 1, 4, 4, 2.5, 1, 2)),
        new("TA", 1, "AsIs", "272035", false, LA),
        new("SA", 1, "AsIs", "131016", true, LA),
        new("TS1", 1, "AsIs", "131016", false, V(50, NaN, 20.0 / 60 * 4000 + 2500, 20, 3, 0, 2, NaN, NaN, 2, 0, 0, NaN, NaN)),
        new("LB", 31, "ToBe", "131016", false, LB),
        new("TB", 1, "ToBe", "272035", false, LB),
        new("SB", 1, "ToBe", "131016", true, LB),
        new("ANON", 1, "ToBe", "272035", false, [NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, 1, 0, 0.5, NaN, 5]),
    ];

    private static readonly string[] MetricNames =
    [
        "touchMinutes", "leadTimeHours", "leadTimeBusinessHours", "costYen", "personnelCostYen", "otherCostYen", "forms", "transcribedItems",
        "steps", "automatedSteps", "rework", "firstTimeRight", "residentVisits", "residentDocuments", "residentHours", "residentProcedures", "satisfaction",
    ];

    private static List<double> Values(string arm, int metric, string? municipality = null) =>
        Kinds.Where(k => k.Arm == arm && (municipality is null || k.Municipality == municipality))
            .SelectMany(k => Enumerable.Repeat(k.Values[metric], k.Count)).Where(v => !double.IsNaN(v)).ToList();

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var h = (sorted.Count - 1) * p;
        var lower = (int)Math.Floor(h);
        return lower >= sorted.Count - 1 ? sorted[^1] : sorted[lower] + (h - lower) * (sorted[lower + 1] - sorted[lower]);
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        var response = await store.Evaluator.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> ProcessAsync(string query)
    {
        var report = await GetAsync($"/api/reports/effect?pilotId={EvidencePilot.PilotId}&seed=11{query}");
        return Assert.Single(report.GetProperty("processes").EnumerateArray());
    }

    [Fact]
    public async Task Every_figure_of_the_five_axes_equals_the_hand_computation_over_live_simulated_and_imported_cases()
    {
        var p = await ProcessAsync("&mode=all");
        Assert.Equal(34, p.GetProperty("asIs").GetProperty("n").GetInt32());   // 29 LA + LA01 + LR + TA + SA + TS1
        Assert.Equal(34, p.GetProperty("toBe").GetProperty("n").GetInt32());   // 31 LB + TB + SB + ANON
        for (var m = 0; m < MetricNames.Length; m++)
        {
            var name = MetricNames[m];
            var asIs = Values("AsIs", m);
            var toBe = Values("ToBe", m);
            foreach (var (arm, values) in new[] { ("asIs", asIs), ("toBe", toBe) })
            {
                var stat = p.GetProperty(arm).GetProperty(name);
                Assert.Equal(values.Count, stat.GetProperty("n").GetInt32());
                Assert.Equal(values.Average(), stat.GetProperty("mean").GetDouble(), Precision);
                Assert.Equal(Percentile(values, 0.5), stat.GetProperty("median").GetDouble(), Precision);
                Assert.Equal(Percentile(values, 0.9), stat.GetProperty("p90").GetDouble(), Precision);
            }
            var delta = p.GetProperty("delta").GetProperty(name);
            var value = asIs.Average() - toBe.Average();
            Assert.Equal(value, delta.GetProperty("value").GetDouble(), Precision);
            // A share (first time right) and counts that should rise (automated steps) have no reduction rate.
            if (name is "firstTimeRight" or "automatedSteps" or "satisfaction")
                Assert.Equal(JsonValueKind.Null, delta.GetProperty("reductionRate").ValueKind);
            else
                Assert.Equal(value / asIs.Average(), delta.GetProperty("reductionRate").GetDouble(), Precision);
            // The interval is of Δ in the metric's own unit: it lies within the arms' extremes.
            var ci = delta.GetProperty("ci95");
            Assert.InRange(ci[0].GetDouble(), asIs.Min() - toBe.Max() - 1e-9, ci[1].GetDouble());
            Assert.InRange(ci[1].GetDouble(), ci[0].GetDouble(), asIs.Max() - toBe.Min() + 1e-9);
        }

        // Spot checks of the arithmetic above. Touch: as-is (31·62 + 65 + 68 + 50) / 34 = 2105 / 34; to-be 25.
        Assert.Equal(2105.0 / 34, p.GetProperty("asIs").GetProperty("touchMinutes").GetProperty("mean").GetDouble(), Precision);
        // 業務数 counts staff steps: to-be 2 although each to-be case also ran an automated step.
        Assert.Equal(2, p.GetProperty("toBe").GetProperty("steps").GetProperty("mean").GetDouble(), Precision);
        Assert.Equal(1, p.GetProperty("toBe").GetProperty("automatedSteps").GetProperty("mean").GetDouble(), Precision);
        // Trips: 3 in 32 as-is cases (29 LA, LA01, TA, SA), 4 in LR (its answer), 2 in TS1, over 34 cases.
        Assert.Equal((32.0 * 3 + 4 + 2) / 34, p.GetProperty("asIs").GetProperty("residentVisits").GetProperty("mean").GetDouble(), Precision);
        // Rework per case 1/33 (TS1 has no run); first time right 32/33.
        Assert.Equal(1.0 / 33, p.GetProperty("asIs").GetProperty("rework").GetProperty("mean").GetDouble(), Precision);
        Assert.Equal(32.0 / 33, p.GetProperty("asIs").GetProperty("firstTimeRight").GetProperty("mean").GetDouble(), Precision);
        // Satisfaction from answers only: 2 (LR) vs 5 (ANON).
        Assert.Equal(-3, p.GetProperty("delta").GetProperty("satisfaction").GetProperty("value").GetDouble(), Precision);

        var population = p.GetProperty("population");
        Assert.Equal(68, population.GetProperty("cases").GetInt32());
        Assert.Equal(2, population.GetProperty("simulated").GetInt32());
        Assert.Equal(2, population.GetProperty("imported").GetInt32());          // TS1 and ANON
        Assert.Equal(2, population.GetProperty("surveyed").GetInt32());          // LR and ANON
        Assert.Equal(3, population.GetProperty("timeStudySteps").GetInt32());    // LA01's M-03, TS1's M-03 and M-09
        var flags = p.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("mixed-live-simulated", flags);
        Assert.Contains("imported-cases", flags);
        Assert.Equal("mixed", p.GetProperty("interval").GetString());
    }

    [Fact]
    public async Task The_share_of_each_source_and_the_banner_equal_the_hand_computation()
    {
        var p = await ProcessAsync("&mode=all");
        var both = p.GetProperty("provenance").GetProperty("both");
        void Shares(string metric, double measured, double published, double estimate, double simulated)
        {
            var s = both.GetProperty(metric);
            var total = measured + published + estimate + simulated;
            Assert.Equal(measured / total, s.GetProperty("measured").GetDouble(), Precision);
            Assert.Equal(published / total, s.GetProperty("published").GetDouble(), Precision);
            Assert.Equal(estimate / total, s.GetProperty("estimate").GetDouble(), Precision);
            Assert.Equal(simulated / total, s.GetProperty("simulated").GetDouble(), Precision);
        }
        // Forms by amount: published M-01's 1 in 31 as-is cases + LR's 2 + M-11's 1 in 32 live to-be cases = 65;
        // estimated 5 in 31 as-is cases + LR's 5 + TS1's 3 = 163; simulated SA's 6 + SB's 1 = 7.
        Shares("forms", 0, 65, 163, 7);
        // Touch is timed in each case: 65 cases measured (live and imported), 2 simulated (ANON has none).
        Shares("touchMinutes", 65, 0, 0, 2);
        // Cost by amount: measured = the paper (20) of 33 live as-is cases = 660; published = 市民課 time (600 · 31 + 900)
        // + 市民課 time and postage of 32 live to-be cases (1080 · 32) = 54,060; simulated = SA + SB; the rest estimated.
        var total = 30 * (PersonnelLA + 20) + (600 + 1200 + 1000 + 5000.0 / 3 + 20) + (900 + 1000 + 1000 + 5000.0 / 3 + 20)
                    + (PersonnelLA + 20) + (20.0 / 60 * 4000 + 2500 + 20) + 33 * (PersonnelLB + 80);
        var simulated = PersonnelLA + 20 + PersonnelLB + 80;
        Shares("costYen", 660, 54060, total - 660 - 54060 - simulated, simulated);
        // Trips: measured = LR's answer 4 + ANON's 1; estimated 3 · 31 + TS1's 2 + 1 · 32; simulated SA's 3 + SB's 1.
        Shares("residentVisits", 5, 0, 93 + 2 + 32, 4);
        // Resident hours: measured LR 2.5 + ANON 0.5; published M-11's hour in 32 live to-be cases; estimated 0.5 · 31;
        // simulated 0.5 + 1 — 17 of 52 rest on estimates and simulation: no banner.
        Shares("residentHours", 3, 32, 15.5, 1.5);
        Shares("satisfaction", 2, 0, 0, 0);

        // The banner 「推計値に基づく」 stands above every figure resting mostly on estimates and simulation, with its share.
        var banners = p.GetProperty("banners").EnumerateArray().ToDictionary(b => b.GetProperty("metric").GetString()!, b => b.GetProperty("share").GetDouble());
        Assert.Equal(["costYen", "personnelCostYen", "forms", "transcribedItems", "residentVisits", "residentDocuments"], banners.Keys);
        Assert.Equal((163.0 + 7) / 235, banners["forms"], Precision);
        Assert.Equal((127.0 + 4) / 136, banners["residentVisits"], Precision);
        Assert.Equal((total - 660 - 54060) / total, banners["costYen"], Precision);
    }

    [Fact]
    public async Task By_default_a_pilot_with_live_cases_is_reported_live_only_and_its_intervals_are_sampling()
    {
        var p = await ProcessAsync("");
        Assert.Equal(0, p.GetProperty("population").GetProperty("simulated").GetInt32());
        Assert.Equal(33, p.GetProperty("asIs").GetProperty("n").GetInt32());
        Assert.Equal("sampling", p.GetProperty("interval").GetString());
        Assert.DoesNotContain("mixed-live-simulated", p.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        var report = await GetAsync($"/api/reports/effect?pilotId={EvidencePilot.PilotId}");
        Assert.Equal("live", report.GetProperty("scope").GetProperty("mode").GetString());
        Assert.True(report.GetProperty("scope").GetProperty("modeDefaulted").GetBoolean());
    }

    [Fact]
    public async Task Every_report_says_which_records_it_read_and_when_it_pools_live_and_simulated_ones()
    {
        var pooled = await ProcessAsync("&mode=all");
        var population = pooled.GetProperty("population");
        var (live, simulated) = (population.GetProperty("live").GetInt32(), population.GetProperty("simulated").GetInt32());
        Assert.True(live > 0 && simulated > 0);
        foreach (var route in new[] { "steps", "leadtime", "handoffs", "effort", "trend" })
        {
            var all = (await GetAsync($"/api/reports/{route}?pilotId={EvidencePilot.PilotId}&mode=all")).GetProperty("scope");
            Assert.True(all.GetProperty("mixedLiveSimulated").GetBoolean(), route);
            Assert.Equal((live, simulated), (all.GetProperty("liveCases").GetInt32(), all.GetProperty("simulatedCases").GetInt32()));
            var byDefault = (await GetAsync($"/api/reports/{route}?pilotId={EvidencePilot.PilotId}")).GetProperty("scope");
            Assert.Equal("live", byDefault.GetProperty("mode").GetString());
            Assert.False(byDefault.GetProperty("mixedLiveSimulated").GetBoolean(), route);
            Assert.Equal((live, 0), (byDefault.GetProperty("liveCases").GetInt32(), byDefault.GetProperty("simulatedCases").GetInt32()));
        }
    }

    [Fact]
    public async Task The_per_municipality_delta_uses_its_own_cases_where_n_is_30_or_more_and_the_payback_equals_the_hand_computation()
    {
        var report = await GetAsync($"/api/reports/projection?pilotId={EvidencePilot.PilotId}&mode=all&seed=11");
        var p = Assert.Single(report.GetProperty("processes").EnumerateArray());
        var byMunicipality = p.GetProperty("byMunicipality").EnumerateArray().ToDictionary(m => m.GetProperty("municipalityCode").GetString()!);
        const int touch = 0, cost = 3;

        // 千代田区: 33 as-is (29 LA, LA01, LR, SA, TS1) and 32 to-be (31 LB, SB) cases — its own Δ.
        var chiyoda = byMunicipality["131016"];
        Assert.Equal(33, chiyoda.GetProperty("asIsN").GetInt32());
        Assert.Equal(32, chiyoda.GetProperty("toBeN").GetInt32());
        Assert.False(chiyoda.GetProperty("smallSample").GetBoolean());
        var ownTouch = Values("AsIs", touch, "131016").Average() - Values("ToBe", touch, "131016").Average();
        Assert.Equal(ownTouch, chiyoda.GetProperty("delta").GetProperty("touchMinutes").GetProperty("value").GetDouble(), Precision);
        var ci = chiyoda.GetProperty("delta").GetProperty("touchMinutes").GetProperty("ci95");
        Assert.True(ci[0].GetDouble() <= ci[1].GetDouble());

        // 豊中市: 1 as-is (TA) and 2 to-be (TB, ANON) — too few: its own Δ is shown, the projection uses the pooled one.
        var toyonaka = byMunicipality["272035"];
        Assert.Equal(1, toyonaka.GetProperty("asIsN").GetInt32());
        Assert.Equal(2, toyonaka.GetProperty("toBeN").GetInt32());
        Assert.True(toyonaka.GetProperty("smallSample").GetBoolean());
        Assert.Equal(LA[touch] - LB[touch], toyonaka.GetProperty("delta").GetProperty("touchMinutes").GetProperty("value").GetDouble(), Precision);

        var areas = p.GetProperty("municipalities").EnumerateArray().ToDictionary(a => a.GetProperty("municipalityCode").GetString()!);
        Assert.Equal("own", areas["131016"].GetProperty("basis").GetString());
        Assert.Equal("pooled", areas["272035"].GetProperty("basis").GetString());
        var ownCost = Values("AsIs", cost, "131016").Average() - Values("ToBe", cost, "131016").Average();
        var pooledCost = Values("AsIs", cost).Average() - Values("ToBe", cost).Average();
        Assert.Equal(ownCost * 1000, areas["131016"].GetProperty("annual").GetProperty("costYen").GetDouble(), 4);
        Assert.Equal(pooledCost * 2000, areas["272035"].GetProperty("annual").GetProperty("costYen").GetDouble(), 4);

        // Where the saving falls: the pension office's 20 minutes (¥5,000/h) go from every as-is case that has them.
        var levels = areas["131016"].GetProperty("perCase").GetProperty("byLevel").EnumerateArray()
            .ToDictionary(l => l.GetProperty("level").GetString()!, l => l.GetProperty("costYen").GetDouble());
        var nationalAsIs = (32 * 5000.0 / 3 + 2500) / 33;   // 29 LA, LA01, LR, SA: 20 min each; TS1: 30 min
        Assert.Equal(nationalAsIs, levels["National"], Precision);
        Assert.Equal(ownCost, levels.Values.Sum(), Precision);

        // Payback = investment ÷ (annual saving − added running cost) = 3,000,000 ÷ (1,000·Δ own + 2,000·Δ pooled − 200,000).
        var payback = report.GetProperty("payback");
        var saving = 1000 * ownCost + 2000 * pooledCost;
        Assert.Equal(saving, payback.GetProperty("annualSavingYen").GetDouble(), 4);
        Assert.Equal(3_000_000 / (saving - 200_000), payback.GetProperty("years").GetDouble(), Precision);
        Assert.Equal("estimate", payback.GetProperty("investment").GetProperty("source").GetString());

        // The workbook's 市町村別 sheet: each municipality's own Δ with its n and interval, which Δ the projection used, the payback.
        var xlsx = await store.Evaluator.GetAsync($"/api/exports/xlsx?pilotId={EvidencePilot.PilotId}&mode=all&seed=11");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "市町村別").Cast<IDictionary<string, object?>>().ToList();
        var sheetChiyoda = rows.Single(r => Convert.ToString(r["市町村コード"]) == "131016");
        Assert.Equal(33, Convert.ToInt32(sheetChiyoda["現行 件数"]));
        Assert.Equal(32, Convert.ToInt32(sheetChiyoda["改革後 件数"]));
        Assert.Equal(ownTouch, Convert.ToDouble(sheetChiyoda["Δ タッチタイム (分/件)"]), Precision);
        Assert.Equal(ci[0].GetDouble(), Convert.ToDouble(sheetChiyoda["Δ タッチタイム (分/件) 95% 下限"]), Precision);
        Assert.Equal(ci[1].GetDouble(), Convert.ToDouble(sheetChiyoda["Δ タッチタイム (分/件) 95% 上限"]), Precision);
        Assert.Equal("この市町村の Δ", sheetChiyoda["推計に用いた Δ"]);
        Assert.Equal(ownCost * 1000, Convert.ToDouble(sheetChiyoda["年間の経費削減 (推計)"]), 4);
        var sheetToyonaka = rows.Single(r => Convert.ToString(r["市町村コード"]) == "272035");
        Assert.Equal(1, Convert.ToInt32(sheetToyonaka["現行 件数"]));
        Assert.Equal(LA[touch] - LB[touch], Convert.ToDouble(sheetToyonaka["Δ タッチタイム (分/件)"]), Precision);
        Assert.Equal("全体の Δ (n < 30)", sheetToyonaka["推計に用いた Δ"]);
        var paybackRow = rows.Single(r => Convert.ToString(r["業務"]) == "投資回収 (推計)");
        Assert.Equal($"回収年数 {3_000_000 / (saving - 200_000):0.0} 年", paybackRow["推計に用いた Δ"]);
    }

    [Fact]
    public async Task The_method_section_lists_the_imports_and_the_sources_of_the_step_figures()
    {
        var method = await GetAsync($"/api/reports/method?pilotId={EvidencePilot.PilotId}&mode=all");
        var imports = method.GetProperty("imports").EnumerateArray().ToList();
        Assert.Equal(["timeStudy", "questionnaire"], imports.Select(i => i.GetProperty("kind").GetString()));
        Assert.Contains(method.GetProperty("timeCapture").EnumerateArray(), c => c.GetProperty("method").GetString()!.StartsWith("タイムスタディ"));
        var sources = method.GetProperty("figureSources").EnumerateArray().ToList();
        Assert.Contains(sources, s => s.GetProperty("stepCode").GetString() == "M-01" && s.GetProperty("figure").GetString() == "forms"
                                      && s.GetProperty("source").GetString() == "published" && s.GetProperty("basis").GetString() == "テスト");
        Assert.Contains(sources, s => s.GetProperty("stepCode").GetString() == "M-03" && s.GetProperty("figure").GetString() == "forms"
                                      && s.GetProperty("source").GetString() == "estimate" && s.GetProperty("basis").ValueKind == JsonValueKind.Null);
        Assert.Equal(3, method.GetProperty("dataQuality").GetProperty("timeStudyRows").GetInt32());
        Assert.Contains(method.GetProperty("definitions").EnumerateArray(), d => d.GetString()!.StartsWith("業務数 = 職員"));
    }
}

/// <summary>The store of the hand computation: run cases written as the runtime leaves them, imports through the API.</summary>
public sealed class MixedEvidenceStore : IAsyncLifetime
{
    private static readonly string Volumes = Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n") + "-volumes.json");

    public OrchestratorFactory Factory { get; } = OrchestratorFactory.On(
        Path.Combine(Path.GetTempPath(), "orchestrator-tests", Guid.NewGuid().ToString("n")),
        settings: new Dictionary<string, string?> { ["Reports:VolumesFile"] = Volumes });

    public HttpClient Evaluator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Volumes)!);
        await File.WriteAllTextAsync(Volumes, EvidencePilot.Volumes);
        await EvidencePilot.CreateAsync(Factory,
            [("CASE-LA01", "131016"), ("CASE-LR", "131016"), ("CASE-TS1", "131016")]);

        var at = ReportDataset.At;
        ReportDataset.Step A(string code, DateTimeOffset from, DateTimeOffset to, double? effort, string? org = null) =>
            Measured(EvidencePilot.AsIsSteps, code, from, to, effort, org);
        ReportDataset.Step B(string code, DateTimeOffset from, DateTimeOffset to, double? effort) =>
            Measured(EvidencePilot.ToBeSteps, code, from, to, effort, null);
        IReadOnlyList<ReportDataset.Step> AsIs(int day) =>
        [
            A("M-01", at(6, day, 9), at(6, day, 9, 12), 12),
            A("M-03", at(6, day, 9, 30), at(6, day, 9, 45), 15),
            A("M-04", at(6, day, 9, 45), at(6, day, 10), 15),
            A("M-09", at(6, day, 13), at(6, day, 13, 20), 20, "jps-pension"),
        ];
        IReadOnlyList<ReportDataset.Step> ToBe(int day) =>
        [
            B("M-11", at(6, day, 9), at(6, day, 9, 20), 20),
            B("M-09", at(6, day, 9, 20), at(6, day, 9, 21), null) with { ActivityType = ActivityTypes.AgencyCall },
            B("M-03", at(6, day, 9, 30), at(6, day, 9, 35), 5),
        ];
        ReportDataset.Case Run(string id, string arm, int day, string municipality = "131016", bool simulated = false) => new(
            id, arm, at(6, day, 9), arm == "AsIs" ? at(6, day, 13, 20) : at(6, day, 9, 35), arm == "AsIs" ? AsIs(day) : ToBe(day),
            ProcessKey: EvidencePilot.ProcessKey, CycleId: simulated ? "cycle-mix-simulated" : EvidencePilot.CycleId, Municipality: municipality,
            Simulated: simulated, PilotId: EvidencePilot.PilotId);

        var cases = new List<ReportDataset.Case>();
        for (var i = 1; i <= 30; i++)
            cases.Add(Run($"LA{i:D2}", "AsIs", 1 + i % 5));
        for (var i = 1; i <= 31; i++)
            cases.Add(Run($"LB{i:D2}", "ToBe", 1 + i % 5));
        cases.Add(Run("TA", "AsIs", 2, "272035"));
        cases.Add(Run("TB", "ToBe", 2, "272035"));
        cases.Add(Run("SA", "AsIs", 3, simulated: true));
        cases.Add(Run("SB", "ToBe", 3, simulated: true));
        // LR: 差戻し at the first 受付, the resident's 補正, 受付 again, then as LA.
        cases.Add(new ReportDataset.Case("LR", "AsIs", at(6, 4, 9), at(6, 4, 13, 20),
        [
            A("M-01", at(6, 4, 9), at(6, 4, 9, 12), 12) with { Outcome = "差戻し", Rework = true },
            A("M-01R", at(6, 4, 9, 12), at(6, 4, 10, 12), null) with { ActivityType = ActivityTypes.Delay },
            A("M-01", at(6, 4, 10, 12), at(6, 4, 10, 18), 6),
            A("M-03", at(6, 4, 10, 30), at(6, 4, 10, 45), 15),
            A("M-04", at(6, 4, 10, 45), at(6, 4, 11), 15),
            A("M-09", at(6, 4, 13), at(6, 4, 13, 20), 20, "jps-pension"),
        ], ProcessKey: EvidencePilot.ProcessKey, CycleId: EvidencePilot.CycleId, PilotId: EvidencePilot.PilotId));
        await ReportDataset.WriteAsync(Factory.Services, cases);

        var coordinator = await Factory.SignInAsync("coordinator");
        var (status, body) = await EvidencePilot.ImportAsync(coordinator, "timeStudy", "timestudy.csv", EvidencePilot.Csv(
            "日付,組織コード,職員 (仮名),案件ID,群,ステップコード,開始,終了,分,備考",
            "2026-06-02,131016,A01,CASE-LA01,現行,M-03,9:30,9:48,,",
            "2026-06-02,131016,A01,CASE-TS1,現行,M-03,13:00,13:20,,",
            "2026-06-02,jps-pension,B02,CASE-TS1,現行,M-09,,,30,紙の記録から"));
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        (status, body) = await EvidencePilot.ImportAsync(coordinator, "questionnaire", "survey.csv", EvidencePilot.Csv(
            "案件ID,群,市町村コード,業務,来庁回数,提出書類数,所要時間 (時間),満足度 (1〜5),自由記述,回答番号",
            "CASE-LR,現行,131016,,4,4,2.5,2,窓口を何度も回った,",
            ",改革後,272035,mix,1,0,0.5,5,,"));
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Evaluator = await Factory.SignInAsync("evaluator");
    }

    /// <summary>A step with the figures its definition in <see cref="EvidencePilot"/> declares.</summary>
    private static ReportDataset.Step Measured(JsonObject[] steps, string code, DateTimeOffset from, DateTimeOffset to, double? effort, string? org)
    {
        var m = steps.First(s => s["stepCode"]!.GetValue<string>() == code);
        double N(string key) => m[key]!.GetValue<double>();
        var sources = (m["provenance"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value!["source"]!.GetValue<string>());
        var costs = (m["costs"] as JsonArray)?.Select(c => (c!["kind"]!.GetValue<string>(), c["yen"]!.GetValue<double>(), (string?)c["source"]!.GetValue<string>(), (string?)null)).ToList();
        return new ReportDataset.Step(code, code, m["actorOrgLevel"]!.GetValue<string>(), m["actorRole"]!.GetValue<string>(), from, to, N("forms"),
            N("transcribedItems"), N("residentVisits"), N("residentDocuments"), N("residentMinutes"), Effort: effort, Claimed: from, OrgCode: org,
            VisitGroup: m["visitGroup"]?.GetValue<string>(), Sources: sources, Costs: costs);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        File.Delete(Volumes);
    }
}
