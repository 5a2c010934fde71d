using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Server.Measurements;

/// <summary>A valid questionnaire answer, ready to store. CaseKey is null for an anonymous answer.</summary>
public sealed record ParsedAnswer(
    int Number, string? CaseKey, string Arm, string ProcessKey, string MunicipalityCode, double? Trips, double? Documents, double? Hours,
    int? Satisfaction, string? FreeText, string RowKey);

/// <summary>
/// Checks every row of a questionnaire sheet against the cycle: a given case is one of the cycle's and of the stated
/// municipality; an anonymous answer names an arm, one of the pilot's municipalities and (when the pilot has several)
/// the process; trips, documents and hours are numbers in range, satisfaction 1–5; a case answers once per arm.
/// </summary>
public static class QuestionnaireRows
{
    public const int MaxFreeText = 2000;

    public static List<ParsedAnswer> Parse(SheetData sheet, ImportCycle cycle, List<ImportProblem> problems)
    {
        var rows = new List<ParsedAnswer>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var processes = (cycle.Configuration.Processes ?? []).Select(p => p.ProcessKey).OfType<string>().ToList();
        var municipalities = cycle.Configuration.Municipalities ?? [];
        foreach (var row in sheet.Rows)
        {
            var before = problems.Count;
            void Problem(string column, string message) => problems.Add(sheet.Problem(row, column, message));

            var caseKey = Cells.Text(row.Cells.GetValueOrDefault("caseId"));
            PlannedCase? planned = null;
            if (caseKey is not null && !cycle.Cases.TryGetValue(caseKey, out planned))
                Problem("caseId", $"案件ID「{caseKey}」はこのサイクルの案件にありません。匿名の回答なら空欄にしてください (unknown case)");

            var armText = Cells.Text(row.Cells.GetValueOrDefault("arm"));
            var arm = Cells.Arm(row.Cells.GetValueOrDefault("arm"));
            if (arm is null)
                Problem("arm", armText is null ? "群が空です。現行 または 改革後 と書いてください (required)" : $"群「{armText}」は 現行 / 改革後 のどちらかです (unknown arm)");

            var municipality = Cells.Text(row.Cells.GetValueOrDefault("municipality"));
            if (municipality is null)
                Problem("municipality", "市町村コードが空です (required)");
            else if (!municipalities.Contains(municipality))
                Problem("municipality", $"市町村コード「{municipality}」はこのパイロットの市町村ではありません (not a municipality of the pilot)");
            else if (planned is not null && planned.MunicipalityCode != municipality)
                Problem("municipality", $"案件「{caseKey}」は市町村 {planned.MunicipalityCode} の案件です (the case belongs to another municipality)");

            var process = Cells.Text(row.Cells.GetValueOrDefault("process"));
            if (process is not null && !processes.Contains(process))
                Problem("process", $"業務「{process}」はこのパイロットの業務ではありません (unknown process)");
            else if (planned is not null && process is not null && planned.ProcessKey != process)
                Problem("process", $"案件「{caseKey}」は業務 {planned.ProcessKey} の案件です (the case belongs to another process)");
            var processKey = planned?.ProcessKey ?? process ?? (processes.Count == 1 ? processes[0] : null);
            if (processKey is null && caseKey is null && process is null)
                Problem("process", "このパイロットには業務が複数あります。匿名の回答では業務を書いてください (process required)");

            var trips = Number(row, "trips", "来庁回数", 0, 50, whole: true, Problem);
            var documents = Number(row, "documents", "提出書類数", 0, 100, whole: true, Problem);
            var hours = Number(row, "hours", "所要時間", 0, 200, whole: false, Problem);
            var satisfaction = Number(row, "satisfaction", "満足度", 1, 5, whole: true, Problem);
            if (problems.Count == before && trips is null && documents is null && hours is null && satisfaction is null)
                Problem("trips", "来庁回数・提出書類数・所要時間・満足度のどれも書かれていません (empty answer)");
            var freeText = Cells.Text(row.Cells.GetValueOrDefault("freeText"));
            if (freeText?.Length > MaxFreeText)
                Problem("freeText", $"自由記述は {MaxFreeText:N0} 文字までです (free text too long)");

            if (problems.Count > before)
                continue;
            var answerNo = Cells.Text(row.Cells.GetValueOrDefault("answerNo"));
            // A case answers once per arm; an anonymous answer is told apart by its answer number, else by its content.
            var identity = caseKey is not null ? $"case:{caseKey}"
                : answerNo is not null ? $"answer:{answerNo}"
                : $"anonymous:{municipality}:{processKey}:{Hash(trips, documents, hours, satisfaction, freeText)}";
            var key = string.Join('|', cycle.Cycle.Id, arm, identity);
            if (caseKey is null && answerNo is null)
            {
                // The n-th identical anonymous answer of the file is a different resident from the first.
                var n = 1;
                while (seen.ContainsKey($"{key}#{n}"))
                    n++;
                key = $"{key}#{n}";
            }
            else if (seen.TryGetValue(key, out var first))
            {
                problems.Add(new ImportProblem(sheet.Sheet, row.Number, sheet.Columns["caseId"].Header, sheet.Columns["caseId"].Letter,
                    $"{first} 行目と同じ案件・回答番号の回答です (duplicate of row {first})"));
                continue;
            }
            seen[key] = row.Number;
            rows.Add(new ParsedAnswer(row.Number, caseKey, arm!, processKey!, municipality!, trips, documents, hours,
                satisfaction is { } s ? (int)s : null, freeText, key));
        }
        return rows;
    }

    private static double? Number(SheetRow row, string column, string label, double min, double max, bool whole, Action<string, string> problem)
    {
        if (!Cells.TryNumber(row.Cells.GetValueOrDefault(column), out var value))
        {
            problem(column, $"{label}「{Cells.Text(row.Cells[column])}」は数ではありません (not a number)");
            return null;
        }
        if (value is { } v && (v < min || v > max || (whole && v != Math.Floor(v))))
        {
            problem(column, $"{label}は {min}〜{max} の{(whole ? "整数" : "数")}です。{v} は範囲外です (out of range)");
            return null;
        }
        return value;
    }

    private static string Hash(params object?[] values) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))))))[..16];
}
