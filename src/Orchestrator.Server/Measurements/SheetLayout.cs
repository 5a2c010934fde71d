namespace Orchestrator.Server.Measurements;

/// <summary>A column of an import sheet: its key, Japanese header (what the template writes), English alias, and what to enter.</summary>
public sealed record SheetColumn(string Key, string Ja, string En, bool Required, string Hint);

/// <summary>The sheet an import kind reads: its name in a workbook and its columns, in template order.</summary>
public sealed record SheetLayout(string Kind, string SheetName, IReadOnlyList<SheetColumn> Columns)
{
    public const string TimeStudyKind = "timeStudy", QuestionnaireKind = "questionnaire";

    /// <summary>Both sheets say which arm a row belongs to in the same way.</summary>
    private static readonly SheetColumn ArmColumn = new("arm", "群", "arm", true, "現行 または 改革後 (AsIs / ToBe)");

    public static readonly SheetLayout TimeStudy = new(TimeStudyKind, "タイムスタディ",
    [
        new("date", "日付", "date", true, "作業した日 (例 2026-06-01)"),
        new("orgCode", "組織コード", "organisationCode", true, "作業した組織: 市区町村は 6 桁の全国地方公共団体コード、都道府県は 2 桁、国の機関は略号 (例 131016)"),
        new("clerk", "職員 (仮名)", "clerk", true, "職員の仮名 (例 A01)。氏名は書かないでください"),
        new("caseId", "案件ID", "caseId", true, "サイクルの案件の ID (例 OKU-0001)"),
        ArmColumn,
        new("stepCode", "ステップコード", "stepCode", true, "ワークフローのステップコード (例 OK-03)"),
        new("start", "開始", "start", false, "開始時刻 (例 9:05)。終了とともに書くか、分を書く"),
        new("end", "終了", "end", false, "終了時刻 (例 9:27)"),
        new("minutes", "分", "minutes", false, "作業時間 (分)。開始・終了がないときは必須。0 分〜1,440 分"),
        new("note", "備考", "note", false, "任意"),
    ]);

    public static readonly SheetLayout Questionnaire = new(QuestionnaireKind, "住民アンケート",
    [
        new("caseId", "案件ID", "caseId", true, "サイクルの案件の ID。空欄なら匿名の回答"),
        ArmColumn,
        new("municipality", "市町村コード", "municipality", true, "6 桁の全国地方公共団体コード (例 131016)"),
        new("process", "業務", "process", false, "業務のキー (例 okuyami)。パイロットに業務が複数あり、匿名の回答のときは必須"),
        new("trips", "来庁回数", "trips", true, "この手続のために役所などへ行った回数 (0〜50)"),
        new("documents", "提出書類数", "documents", true, "提出した書類の数 (0〜100)"),
        new("hours", "所要時間 (時間)", "hours", true, "移動・待ちを含めてかかった時間 (時間、0〜200)"),
        new("satisfaction", "満足度 (1〜5)", "satisfaction", true, "1 (不満) 〜 5 (満足)"),
        new("freeText", "自由記述", "freeText", false, "任意 (出力には含めません)"),
        new("answerNo", "回答番号", "answerNo", false, "匿名の回答を区別する番号 (任意)"),
    ]);

    public static SheetLayout? Of(string kind) => kind switch
    {
        TimeStudyKind => TimeStudy,
        QuestionnaireKind => Questionnaire,
        _ => null,
    };
}
