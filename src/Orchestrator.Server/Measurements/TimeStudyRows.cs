using System.Globalization;
using System.Text.Json.Nodes;
using Orchestrator.Server.Reports;

namespace Orchestrator.Server.Measurements;

/// <summary>A valid time-study row, ready to store.</summary>
public sealed record ParsedTimeStudyRow(
    int Number, string CaseKey, string Arm, string ProcessKey, string StepCode, string OrgCode, string OrgLevel, string Clerk, DateOnly Date,
    DateTimeOffset? Start, DateTimeOffset? End, double Minutes, string? Note, JsonObject Measurement, ArmDefinition Definition, string RowKey);

/// <summary>
/// Checks every row of a time-study sheet against the cycle: the date is a date; the organisation, case, arm and step
/// are known (a step the system or the resident performs is not timed by clerks); start and end are times, end after
/// start, or minutes are given, between 0 and 24 hours, and agree with start and end when all three are given; a row
/// appears once. Each problem names its sheet, row and column.
/// </summary>
public static class TimeStudyRows
{
    public const double MaxMinutes = 24 * 60;

    public static List<ParsedTimeStudyRow> Parse(SheetData sheet, ImportCycle cycle, List<ImportProblem> problems)
    {
        var rows = new List<ParsedTimeStudyRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var before = problems.Count;
            void Problem(string column, string message) => problems.Add(sheet.Problem(row, column, message));
            string? Required(string column, string label)
            {
                var text = Cells.Text(row.Cells.GetValueOrDefault(column));
                if (text is null)
                    Problem(column, $"{label}が空です (required)");
                return text;
            }

            if (!Cells.TryDate(row.Cells.GetValueOrDefault("date"), out var date))
                Problem("date", $"「{Cells.Text(row.Cells["date"])}」は日付ではありません。2026-06-01 の形で書いてください (not a date)");
            else if (date is null)
                Problem("date", "日付が空です (required)");

            var orgCode = Required("orgCode", "組織コード");
            string? orgLevel = null;
            if (orgCode is not null && !cycle.OrganisationLevels.TryGetValue(orgCode, out orgLevel))
                Problem("orgCode", $"組織コード「{orgCode}」は登録されていません (unknown organisation)");

            var clerk = Required("clerk", "職員 (仮名)");
            var caseKey = Required("caseId", "案件ID");
            PlannedCase? planned = null;
            if (caseKey is not null && !cycle.Cases.TryGetValue(caseKey, out planned))
                Problem("caseId", $"案件ID「{caseKey}」はこのサイクルの案件にありません (unknown case)");

            var armText = Cells.Text(row.Cells.GetValueOrDefault("arm"));
            var arm = Cells.Arm(row.Cells.GetValueOrDefault("arm"));
            if (arm is null)
                Problem("arm", armText is null ? "群が空です。現行 または 改革後 と書いてください (required)" : $"群「{armText}」は 現行 / 改革後 のどちらかです (unknown arm)");

            var stepCode = Required("stepCode", "ステップコード");
            JsonObject? measurement = null;
            ArmDefinition? definition = null;
            if (stepCode is not null && caseKey is not null && planned is not null && arm is not null)
            {
                definition = cycle.DefinitionOf(caseKey, arm);
                if (definition is null || !definition.Steps.TryGetValue(stepCode, out measurement))
                    Problem("stepCode", $"ステップコード「{stepCode}」は {Label(arm)} のワークフローにありません (unknown step)");
                else if (measurement["actorOrgLevel"]?.GetValue<string>() is "System" or "Resident")
                    Problem("stepCode", $"ステップ「{stepCode}」は職員が行うステップではありません ({measurement["actorOrgLevel"]}) (not a clerk step)");
            }

            var (start, end, minutes) = Times(row, date, Problem);

            if (problems.Count > before)
                continue;
            var key = string.Join('|', cycle.Cycle.Id, caseKey, arm, stepCode, date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                start?.ToString("O", CultureInfo.InvariantCulture), end?.ToString("O", CultureInfo.InvariantCulture),
                minutes!.Value.ToString("R", CultureInfo.InvariantCulture), clerk);
            if (seen.TryGetValue(key, out var first))
            {
                problems.Add(new ImportProblem(sheet.Sheet, row.Number, null, null, $"{first} 行目と同じ内容の行です (duplicate of row {first})"));
                continue;
            }
            seen[key] = row.Number;
            rows.Add(new ParsedTimeStudyRow(row.Number, caseKey!, arm!, planned!.ProcessKey, stepCode!, orgCode!, orgLevel!, clerk!, date.Value, start, end,
                minutes.Value, Cells.Text(row.Cells.GetValueOrDefault("note")), measurement!, definition!, key));
        }
        return rows;
    }

    /// <summary>Start and end on the row's date (JST), and the minutes: given, or end − start.</summary>
    private static (DateTimeOffset? Start, DateTimeOffset? End, double? Minutes) Times(SheetRow row, DateOnly? date, Action<string, string> problem)
    {
        var ok = true;
        if (!Cells.TryTime(row.Cells.GetValueOrDefault("start"), out var startTime))
        {
            problem("start", $"開始「{Cells.Text(row.Cells["start"])}」は時刻ではありません。9:05 の形で書いてください (not a time)");
            ok = false;
        }
        if (!Cells.TryTime(row.Cells.GetValueOrDefault("end"), out var endTime))
        {
            problem("end", $"終了「{Cells.Text(row.Cells["end"])}」は時刻ではありません。9:27 の形で書いてください (not a time)");
            ok = false;
        }
        if (!Cells.TryNumber(row.Cells.GetValueOrDefault("minutes"), out var minutes))
        {
            problem("minutes", $"分「{Cells.Text(row.Cells["minutes"])}」は数ではありません (not a number)");
            ok = false;
        }
        if (!ok)
            return (null, null, null);
        if (minutes is { } m && m is < 0 or > MaxMinutes)
        {
            problem("minutes", $"分は 0 以上 {MaxMinutes:N0} 以下です (24 時間まで)。{m} は範囲外です (minutes must be 0 to 1,440)");
            return (null, null, null);
        }
        if ((startTime is null) != (endTime is null))
        {
            problem(startTime is null ? "start" : "end", "開始と終了は両方書くか、両方空にして分を書いてください (give both start and end, or minutes)");
            return (null, null, null);
        }
        if (startTime is null)
        {
            if (minutes is null)
                problem("minutes", "開始・終了か分のどちらかを書いてください (start and end, or minutes)");
            return (null, null, minutes);
        }
        if (date is null)
            return (null, null, null);
        var start = new DateTimeOffset(date.Value.ToDateTime(TimeOnly.MinValue), CaseFacts.JapanOffset) + startTime.Value;
        var end = new DateTimeOffset(date.Value.ToDateTime(TimeOnly.MinValue), CaseFacts.JapanOffset) + endTime!.Value;
        if (end <= start)
        {
            problem("end", "終了は開始より後の時刻です (end must be after start)");
            return (null, null, null);
        }
        var span = (end - start).TotalMinutes;
        if (minutes is { } given && Math.Abs(given - span) > 1)
        {
            problem("minutes", $"分 ({given}) が開始〜終了 ({span:0.#} 分) と合いません (minutes disagree with start and end)");
            return (null, null, null);
        }
        return (start, end, minutes ?? span);
    }

    public static string Label(string arm) => arm == "AsIs" ? "現行" : "改革後";
}
