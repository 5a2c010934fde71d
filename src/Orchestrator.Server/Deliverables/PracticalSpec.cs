using System.Globalization;
using Orchestrator.Server.IssuesRegister;
using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Deliverables;

/// <summary>
/// The content of a 実用仕様案 (エ-3) for a reformed workflow, as rows both the Word document and the workbook print:
/// the business part (flow, steps, forms), the platform part (interfaces) and the related 課題.
/// </summary>
public sealed record PracticalSpec(string ProcessName, string WorkflowName, int Version, ProcessFlow Flow, IReadOnlyList<FlowInterface> Interfaces,
    IReadOnlyList<ReformIssue> Issues)
{
    public static readonly string[] StepHeaders = ["番号", "ステップ", "実施者", "組織", "入力", "出力", "帳票 (枚)", "帳票の出所", "標準時間 (分)", "標準時間の出所"];
    public static readonly string[] FormHeaders = ["番号", "ステップ", "帳票 (枚)", "転記項目数", "帳票の内容", "出所"];
    public static readonly string[] InterfaceHeaders = ["番号", "名称", "送信元", "送信先", "操作", "同期・非同期", "タイミング", "件数", "件数の出所", "エラー・再送", "セキュリティ"];
    public static readonly string[] ItemHeaders = ["インターフェース", "データ項目", "型", "コード体系"];
    public static readonly string[] IssueHeaders = ["区分", "件名", "対象ステップ", "根拠法令", "対応策", "対応主体", "状態"];

    /// <summary>The business steps: clerk tasks, system steps and the resident's own, each with a step code.</summary>
    public IEnumerable<FlowStep> BusinessSteps => Flow.Steps.Where(s => s.StepCode is not null);

    public IEnumerable<IReadOnlyList<string>> StepRows() => BusinessSteps.Select(s => (IReadOnlyList<string>)
    [
        s.StepCode!, s.Name, s.Role ?? Labels.Of(s.Lane), Labels.Of(s.Lane),
        s.Inputs.Count == 0 ? "—" : string.Join("、", s.Inputs),
        s.Outputs.Count == 0 ? "—" : string.Join("、", s.Outputs),
        Number(s.Measurement?.Forms ?? 0, 0),
        s.Provenance(StepMeasurement.FormsKey),
        s.Measurement?.StandardEffortMode is { } minutes ? Number(minutes, 1) : "—",
        s.Measurement?.StandardEffortMode is null ? "—" : s.Provenance(StepMeasurement.StandardEffortKey),
    ]);

    public IEnumerable<IReadOnlyList<string>> FormRows() => BusinessSteps.Where(s => s.Measurement?.Forms > 0).Select(s => (IReadOnlyList<string>)
    [
        s.StepCode!, s.Name, Number(s.Measurement!.Forms, 0), Number(s.Measurement.TranscribedItems, 0),
        s.Bases.GetValueOrDefault(StepMeasurement.FormsKey) ?? "—",
        Labels.Sources(("帳票", Labels.Source(s.Measurement.SourceOf(StepMeasurement.FormsKey))),
            ("転記項目", Labels.Source(s.Measurement.SourceOf(StepMeasurement.TranscribedItemsKey)))),
    ]);

    public IEnumerable<IReadOnlyList<string>> InterfaceRows() => Interfaces.Select((i, n) => (IReadOnlyList<string>)
    [
        $"IF-{n + 1:00}", i.StepName, i.From, i.To, i.Operation, i.Synchronous ? "同期" : "非同期", i.Timing, i.Volume, i.VolumeSource, i.Errors, i.Security,
    ]);

    public IEnumerable<IReadOnlyList<string>> ItemRows() => Interfaces.SelectMany((i, n) => i.Items.Select(item => (IReadOnlyList<string>)
        [$"IF-{n + 1:00}", item.Name, item.Type, item.CodeSet ?? "—"]));

    public IEnumerable<IReadOnlyList<string>> IssueRows()
    {
        var names = Flow.Steps.Where(s => s.StepCode is not null).GroupBy(s => s.StepCode!).ToDictionary(g => g.Key, g => g.First().Name);
        return Issues.Select(i => (IReadOnlyList<string>)
        [
            IssueLabels.Of(i.Kind), i.Title,
            i.StepCodes.Count == 0 ? "—" : string.Join("、", i.StepCodes.Select(c => names.TryGetValue(c, out var name) ? $"{c} {name}" : c)),
            i.LegalBasis ?? "—", i.Countermeasure ?? "—", i.ActingLevels.Count == 0 ? "—" : IssueLabels.Of(i.ActingLevels), IssueLabels.Of(i.Status),
        ]);
    }

    public static string Number(double value, int decimals) => value.ToString(decimals == 0 ? "N0" : "N1", CultureInfo.InvariantCulture);
}
