namespace Orchestrator.Server.Deliverables;

/// <summary>The 実用仕様案 as a Word document: 業務編 (flow diagram, steps, forms), 基盤編 (interfaces), 関連する課題.</summary>
public static class PracticalSpecDocument
{
    public static byte[] Write(PracticalSpec spec, DateOnly date)
    {
        using var word = new WordDocument($"実用仕様案 {spec.ProcessName}", $"実用仕様案 — {spec.ProcessName}");
        word.Title($"実用仕様案 {spec.ProcessName}", $"{spec.WorkflowName} (第 {spec.Version} 版) / {date:yyyy年M月d日} 作成");
        word.Paragraph("本書は、改革後の業務フローを他の団体が同じ形で導入できるよう、業務の流れと手順 (業務編) と、組織間・システム間の連携 (基盤編) をまとめたものです。");

        word.Heading(1, "1 業務編");
        word.Heading(2, "1.1 業務フロー図");
        var (png, width, height) = SwimlaneDiagram.Render(spec.Flow);
        word.Image(png, width, height, $"{spec.WorkflowName} の業務フロー図 (組織レベル別のスイムレーン)");
        word.Caption($"図 1 {spec.WorkflowName} の業務フロー (列は住民・市町村・都道府県・国・システム、上から下へ進む)");
        word.Heading(2, "1.2 ステップ一覧");
        word.Paragraph("帳票の枚数と標準時間 (1 件あたりの職員の作業時間の最頻値) には、出所 (実測・公表・推計) と根拠を併記します。");
        word.Table(PracticalSpec.StepHeaders, spec.StepRows(), new HashSet<int> { 6, 8 });
        word.Heading(2, "1.3 帳票一覧");
        var forms = spec.FormRows().ToList();
        if (forms.Count == 0)
            word.Paragraph("改革後の業務で扱う帳票はありません。");
        else
            word.Table(PracticalSpec.FormHeaders, forms, new HashSet<int> { 2, 3 });

        word.Heading(1, "2 基盤編");
        word.Paragraph("各インターフェースは、業務フローの連携先システムの呼出しと組織間の引継ぎから作成しています。データ項目の型とコード体系は、業務・データ一覧 (インベントリ) に記載があるものはその値です。");
        var items = spec.ItemRows().ToList();
        foreach (var row in spec.InterfaceRows())
        {
            word.Heading(2, $"2.{row[0][3..].TrimStart('0')} {row[0]} {row[1]}");
            word.Table(["項目", "内容"], PracticalSpec.InterfaceHeaders.Skip(2).Zip(row.Skip(2), (h, v) => (IReadOnlyList<string>)[h, v]));
            word.Table(["データ項目", "型", "コード体系"], items.Where(i => i[0] == row[0]).Select(i => (IReadOnlyList<string>)[i[1], i[2], i[3]]));
        }
        if (spec.Interfaces.Count == 0)
            word.Paragraph("この業務フローには連携先システムの呼出しも組織間の引継ぎもありません。");

        word.Heading(1, "3 関連する課題と対応策");
        var issues = spec.IssueRows().ToList();
        if (issues.Count == 0)
            word.Paragraph("この業務について登録された課題はありません。");
        else
            word.Table(PracticalSpec.IssueHeaders, issues);
        return word.ToArray();
    }
}
