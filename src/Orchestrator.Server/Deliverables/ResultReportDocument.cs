using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Deliverables;

/// <summary>The 成果報告書 of a pilot as a Word document, in the chapters the programme's call asks for.</summary>
public static class ResultReportDocument
{
    public static readonly string[] Chapters =
        ["1 事業概要", "2 現状分析", "3 重点分野と改革案", "4 実証実験の方法", "5 効果", "6 課題と対応策", "7 他団体への展開方策", "付録 定義・単価と算出根拠"];

    public static byte[] Write(ResultReport report, DateOnly date)
    {
        using var word = new WordDocument($"成果報告書 {report.PilotName}", $"成果報告書 — {report.PilotName}");
        var names = report.Processes.ToDictionary(p => p.ProcessKey, p => p.Name);
        var period = report.From is { } from ? $"{from:yyyy年M月d日} 〜 {report.To:yyyy年M月d日}" : "未実施";
        word.Title($"成果報告書 {report.PilotName}", $"{date:yyyy年M月d日} 作成");

        word.Heading(1, Chapters[0]);
        // The period and the cycles are the pilot's own record: measured when it ran live, simulated otherwise.
        var run = report.Simulated ? "シミュレーション" : "実測";
        word.Table(["項目", "内容", "出所"],
        [
            ["実証実験", report.PilotName, "—"], ["概要", report.Description ?? "—", "—"], ["方式", report.Mode, "—"], ["期間", period, run],
            ["実施サイクル", $"{report.Cycles} 回", run], ["実施団体", string.Join("、", report.Sites), "—"], ["参加職員数", $"{report.Clerks} 人", "実測 (登録された職員)"],
            ["対象業務", string.Join("、", report.Processes.Select(p => p.Name)), "—"],
        ]);

        word.Heading(1, Chapters[1]);
        word.Paragraph("業務・データ一覧 (インベントリ) のうち本実証の対象業務について、現行の負担と業務の流れを示します。");
        word.Table(["業務", "根拠法令", "年間件数 (全国)", "来庁回数", "提出書類", "職員の作業 (分)", "出所"], report.Processes.Select(p => (IReadOnlyList<string>)
        [
            p.Name, p.Procedure?.LegalBasis ?? "—", Figures.Count(p.Procedure?.VolumeNational.Value), Figures.Of(EffectMetric.ResidentVisits, p.Procedure?.ResidentTrips.Value),
            Figures.Of(EffectMetric.ResidentDocuments, p.Procedure?.ResidentDocuments.Value), Figures.Of(EffectMetric.TouchMinutes, p.Procedure?.ClerkMinutes.Value),
            Labels.Sources(("件数", Labels.Source(p.Procedure?.VolumeNational)), ("来庁", Labels.Source(p.Procedure?.ResidentTrips)),
                ("書類", Labels.Source(p.Procedure?.ResidentDocuments)), ("作業", Labels.Source(p.Procedure?.ClerkMinutes))),
        ]), new HashSet<int> { 2, 3, 4, 5 });
        var figure = 0;
        foreach (var process in report.Processes.Where(p => p.AsIs is not null))
        {
            word.Heading(2, $"{process.Name} の現行業務");
            Diagram(word, process.AsIs!, ++figure, $"{process.Name} 現行の業務フロー");
        }

        word.Heading(1, Chapters[2]);
        foreach (var choice in report.Focus)
        {
            word.Paragraph($"重点分野: {string.Join("、", choice.Procedures.Select(p => p.NameJa))} (評価方式「{choice.SchemeName}」による順位)");
            word.Paragraph(choice.Reasoning);
        }
        if (report.Focus.Count == 0)
            word.Paragraph("重点分野の選定結果は記録されていません。");
        foreach (var process in report.Processes)
        {
            word.Heading(2, $"{process.Name} の改革案");
            if (process.ToBe is not null)
                Diagram(word, process.ToBe, ++figure, $"{process.Name} 改革後の業務フロー");
            if (process.Steps is { } steps)
                word.Table(ResultReportTables.StepHeaders, ResultReportTables.StepText(steps, report.Effect.Processes.FirstOrDefault(e => e.ProcessKey == process.ProcessKey)),
                    new HashSet<int> { 3, 4, 5, 6 });
        }

        word.Heading(1, Chapters[3]);
        word.Paragraph($"対象業務ごとに現行と改革後の業務フローを同じ案件に適用し、{report.Cycles} 回のサイクルで {report.Sites.Count} 団体の案件を比較しました ({report.Mode})。");
        word.Paragraph($"効果の差 Δ の 95% 区間は、各群の案件を同数で復元抽出するブートストラップ法 ({report.Effect.Bootstrap.Samples:N0} 回) で求めました。同じ条件で再計算すると同じ値になります。");
        word.Paragraph("職員の作業時間は、タスク画面で計測した作業時間 (職員の報告値) とタイムスタディの取込みによります。各数値の出所 (実測・公表・推計・シミュレーション) は付録の定義のとおりです。");

        word.Heading(1, Chapters[4]);
        word.Paragraph("Δ は現行の平均から改革後の平均を引いた値、削減率は Δ を現行の平均で割った値です。区間は Δ のブートストラップ 95% 区間です。");
        foreach (var process in report.Effect.Processes)
        {
            var name = names.GetValueOrDefault(process.ProcessKey, process.Title?.Ja ?? process.ProcessKey);
            word.Heading(2, name);
            if (process.Banners.Count > 0)
                word.Note($"推計値に基づく指標: {string.Join("、", process.Banners.Select(b => EffectMetrics.All.FirstOrDefault(m => m.Name == b.Metric)?.Ja ?? b.Metric))} (推計・シミュレーションが 50% を超える)");
            if (process.Interval == "model")
                word.Note("シミュレーションの案件の区間はモデルのばらつきを表し、標本誤差ではありません。");
            var (png, width, height) = EffectChart.Render(process);
            word.Image(png, width, height, $"{name} の効果 (現行 = 100)");
            word.Caption($"図 {++figure} {name} の効果 (現行を 100 とした改革後)");
            word.Table(ResultReportTables.EffectHeaders, ResultReportTables.EffectText(process), new HashSet<int> { 1, 2, 3, 4, 5, 6, 7 });
            word.Heading(3, "団体別の効果");
            word.Table(ResultReportTables.SiteHeaders, ResultReportTables.SiteText(report, process.ProcessKey), new HashSet<int> { 1, 2, 3, 4, 5 });
        }
        word.Heading(2, "年間効果の推計");
        word.Note("以下は推計です。1 件あたりの Δ に年間件数を掛けたもので、団体の案件が両群とも 30 件以上ならその団体の Δ、そうでなければ全体の Δ を用います。");
        word.Table(ResultReportTables.ProjectionHeaders, ResultReportTables.ProjectionText(report, names), new HashSet<int> { 2, 3, 4, 5 });
        if (report.Projection.Payback is { } payback)
            word.Paragraph(payback.Years is { } years
                ? $"投資回収年数: {years:N1} 年 (初期投資 {Figures.Yen(payback.Investment?.Yen)}、年間の経費削減 {Figures.Yen(payback.AnnualSavingYen)}、追加の年間運用費 {Figures.Yen(payback.AnnualRunningCost?.Yen)})。"
                : "投資回収年数: 年間の経費削減が追加の運用費を上回らないか、必要な数値がないため算出できません。");

        word.Heading(1, Chapters[5]);
        var issues = ResultReportTables.IssueText(report).ToList();
        if (issues.Count == 0)
            word.Paragraph("対象業務について登録された課題はありません。");
        else
            word.Table(ResultReportTables.IssueHeaders, issues);

        word.Heading(1, Chapters[6]);
        word.Paragraph("全国の市区町村が改革後の業務を導入した場合の効果は 5 章の推計のとおりです。導入の前提条件は次のとおりです。");
        word.Paragraph("・改革後の業務フローと連携インターフェースは、対象業務ごとの実用仕様案に記載しています。");
        var open = report.Issues.Where(i => i.Status is IssuesRegister.IssueStatus.Open or IssuesRegister.IssueStatus.InDiscussion).ToList();
        word.Paragraph(open.Count == 0
            ? "・未解決の課題はありません。"
            : $"・未解決の課題 {open.Count} 件 (うち制度面 {open.Count(i => i.Kind == IssuesRegister.IssueKind.Institutional)} 件) の解決が前提となります。");

        word.Heading(1, Chapters[7]);
        word.Heading(2, "指標の定義");
        foreach (var line in Definitions(report))
            word.Paragraph(line);
        word.Heading(2, "時間単価と算出根拠");
        word.Table(["組織", "役割", "時間単価", "出所"], report.Method.AppliedRates.Select(r => (IReadOnlyList<string>)
            [Labels.Level(r.OrgLevel), r.Role ?? "既定", Figures.Yen(r.HourlyRateJpy), r.Estimate ? "推計" : "公表・実測"]), new HashSet<int> { 2 });
        if (report.Method.RatesDerivation is { } derivation)
            word.Paragraph(JapaneseText.Only(derivation));
        return word.ToArray();
    }

    /// <summary>
    /// The report's definitions in Japanese, without those about the query itself (records, versions, the random
    /// number generator, pseudonyms): those speak of the software, and chapter 4 says what they mean in plain words.
    /// </summary>
    private static IEnumerable<string> Definitions(ResultReport report) =>
        report.Method.Definitions
            .Where(d => !d.StartsWith("Δ の 95% 区間", StringComparison.Ordinal) && !d.StartsWith("記録の種類", StringComparison.Ordinal)
                && !d.StartsWith("版:", StringComparison.Ordinal) && !d.StartsWith("職員は", StringComparison.Ordinal))
            .Select(d => d.StartsWith("案件 =", StringComparison.Ordinal)
                ? "案件 = 終了した案件、または実測データの取込で登録された案件 (ワークフローを実行していない案件)。業務ごとに現行と改革後に分けて集計する。"
                : JapaneseText.Only(d).Replace("または割合・増えるべき指標では null", "または割合・増えるべき指標では示さない", StringComparison.Ordinal));

    private static void Diagram(WordDocument word, ProcessFlow flow, int number, string title)
    {
        var (png, width, height) = SwimlaneDiagram.Render(flow);
        word.Image(png, width, height, title);
        word.Caption($"図 {number} {title}");
    }
}
