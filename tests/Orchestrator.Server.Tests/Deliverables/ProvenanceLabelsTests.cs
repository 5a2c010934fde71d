namespace Orchestrator.Server.Tests.Deliverables;

/// <summary>The table walk the deliverable tests rely on tells a labelled table from an unlabelled one.</summary>
public sealed class ProvenanceLabelsTests
{
    private static DocxText Tables(params IReadOnlyList<IReadOnlyList<string>>[] tables) =>
        new() { Errors = [], Headings = [], AllText = "", Images = 0, Tables = tables };

    [Fact]
    public void A_table_of_figures_needs_a_source_on_every_row_that_has_one()
    {
        Assert.Empty(ProvenanceLabels.Unlabelled(Tables([["指標", "平均", "出所"], ["タッチ", "12.5", "実測"], ["経費", "1,200 円", "推計 (単価)"], ["備考", "なし", "—"]])));
        Assert.Single(ProvenanceLabels.Unlabelled(Tables([["指標", "平均", "出所"], ["タッチ", "12.5", "—"]])));
        Assert.Single(ProvenanceLabels.Unlabelled(Tables([["指標", "平均"], ["タッチ", "3.0 〜 4.5"], ["経費", "1,200 円"]])));
        // Prose with numbers is not a figure; a key-value table with numbers needs its 出所 row.
        Assert.Empty(ProvenanceLabels.Unlabelled(Tables([["件名", "根拠法令"], ["様式 15 枚の統一", "第 24 条"]])));
        Assert.Single(ProvenanceLabels.Unlabelled(Tables([["項目", "内容"], ["件数", "年間約 1,200 件"]])));
        Assert.Empty(ProvenanceLabels.Unlabelled(Tables([["項目", "内容"], ["件数", "年間約 1,200 件"], ["件数の出所", "公表 (統計)"]])));
    }
}
