namespace Orchestrator.Server.Reports;

/// <summary>
/// The measurement definitions (DOMAIN §2–§3, §6) as every report states them: Japanese first, English in parentheses.
/// Each report lists the ones it used.
/// </summary>
public static class ReportDefinitions
{
    public const string Case =
        "案件 = 終了 (Finished) したワークフローインスタンス。定義の processKey と arm (AsIs 現行 / ToBe 改革後) で分類する (case = a finished workflow instance, grouped by its definition's processKey and arm)";
    public const string Mode =
        "mode = live / simulated / all。all で実測とシミュレーションが混在する場合はフラグ mixed-live-simulated を付ける (simulated and live records are never mixed silently)";
    public const string LeadTime =
        "リードタイム = 案件終了 − 案件開始 (暦時間、時間単位)。営業時間ベースは執務カレンダーの開庁時間のみを数える (lead time = case end − case start in calendar hours; business hours count only the office calendar's open time)";
    public const string Touch =
        "タッチタイム = 案件の完了した職員タスクの報告作業時間 (分) の合計。報告値の既定はタスク画面で計測したアクティブ時間 (touch time = Σ clerk-reported effort minutes of the case's completed tasks; the report defaults to the measured active time on the task screen)";
    public const string QueueWork =
        "待ち時間 = タスク作成 → 着手 (claim)、作業時間 = 着手 → 完了。タッチタイムとは別に保持する (queue time = task created → claimed; work time = claimed → completed; both kept beside touch time)";
    public const string Cost =
        "人件費換算 = Σ 各ステップのタッチ時間 (時) × 時間単価 (実施者の組織レベル・役割)。役割の単価がなければ組織レベルの既定単価。単価の版は案件開始日 (JST) で選ぶ (cost = Σ touch hours × rate(actor org level, role), falling back to the level's default; the rate version valid on the case's start date in JST applies)";
    public const string Forms =
        "帳票枚数・転記項目数・来庁回数・提出書類数 = 案件で完了した計測対象アクティビティの measurement の合計。住民の所要時間 = Σ residentMinutes ÷ 60 (forms, transcribed items, visits, documents = Σ over the case's completed measured activities; resident hours = Σ residentMinutes ÷ 60)";
    public const string Steps =
        "業務数 = 案件で実行された stepCode の種類数。measurement のないアクティビティ (開始・終了・制御) は業務に数えない (steps = number of distinct stepCodes executed in the case; activities without measurement are not steps)";
    public const string Delta =
        "Δ = 平均(現行) − 平均(改革後)、削減率 = Δ ÷ 平均(現行) (平均(現行) = 0 のときは null) (Δ = mean(as-is) − mean(to-be); reduction rate = Δ ÷ mean(as-is))";
    public const string Percentiles =
        "中央値・P90 は最近接順位間の線形補間 (Excel PERCENTILE.INC): h = (n − 1)·p、x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) (median and P90: linear interpolation between closest ranks)";
    public const string SmallSample =
        "どちらかのアームの n < 30 のときフラグ n<30 を付ける (flag n<30 when an arm has fewer than 30 cases)";
    public const string Projection =
        "年間効果 = Δ (1 件あたり) × 年間件数、全国推計 = Σ 全市区町村 (1,741) の年間件数 × Δ = 全国年間件数 × Δ。必ず推計 (projection) と表示する (annual saving = Δ × annual volume; nationwide projection = Σ over municipalities of volume × Δ; always labelled a projection)";
    public const string Fte =
        "人工 (FTE) = 年間削減時間 ÷ 年間勤務時間 (単価表の annualWorkingHours) (full-time equivalents = hours saved per year ÷ annual working hours of the rate table)";
    public const string Handoff =
        "引継ぎ遅延 = 送付 (ある組織) → 受領 (次の組織)。失敗 = 受領されなかった引継ぎ、失敗試行 = 失敗した試行の合計 (handoff latency = sent → received; failed = handoffs never received; failed attempts = Σ failures of all attempts)";
    public const string Decomposition =
        "リードタイム分解: 職員の作業区間 (着手 → 完了) の和集合をタッチ (作業)、残りの待ちを 時間外 (閉庁時間) > タスク待ち > 組織間引継ぎ > 住民 > システム > その他 の優先順で割り当てる。各区分の合計はリードタイムに等しい (decomposition: the union of clerk work intervals claimed → completed is touch; the remaining waiting goes to off-hours (office closed), then queue, inter-organisation handoff, resident, system, other, in that priority; the parts add up to the lead time)";
    public const string StepComparison =
        "ステップ比較は stepCode で対応付ける: 現行のみ = removed、改革後のみ = new、現行は職員・住民で改革後は System = automated、改革後の 1 回あたり平均 (職員ステップはタッチ、その他は所要時間) または帳票が現行より許容差を超えて少ない = shortened、それ以外 = unchanged (steps are matched by stepCode: removed, new, automated, shortened beyond the tolerance, unchanged)";
    public const string StepFigures =
        "所要時間 = アクティビティ開始 → 完了 (分)、タッチ = そのステップの報告作業時間 (職員以外は 0)、1 件あたり帳票・タッチ = ステップの合計 ÷ アームの案件数 (duration = activity started → completed; touch = reported effort per execution, 0 for non-clerk steps; per case = the step's total ÷ the arm's cases)";
    public const string Pseudonyms =
        "職員は利用者 ID のハッシュ (SHA-256、ソルト付き) による仮名で示し、氏名は出力しない (clerks appear as pseudonyms: a salted SHA-256 of the user id, never names)";
    public const string Trend =
        "推移はサイクル (CycleId) ごと、サイクル内で最も早い案件開始の順。サイクルのない案件は「サイクルなし」にまとめる (trend per cycle, ordered by each cycle's earliest case start; cases without a cycle form one group)";

    public static string Bootstrap(int samples, int seed) =>
        $"Δ の 95% 信頼区間: パーセンタイル・ブートストラップ、B = {samples} 回、各アームを同数で復元抽出 (xoshiro256**、SplitMix64 で (seed = {seed}, 反復番号) から初期化)、差の 2.5% 点と 97.5% 点 (95% CI of Δ: percentile bootstrap, B = {samples} resamples of each arm with replacement, xoshiro256** seeded by SplitMix64 from (seed {seed}, replicate); 2.5% and 97.5% percentiles of the differences)";

    public static string Rates(RateTableSnapshot rates) =>
        $"単価表 第 {rates.Version} 版 ({rates.Source}, {rates.ChangedAt:yyyy-MM-dd HH:mm} UTC{(rates.ChangedBy is null ? "" : ", " + rates.ChangedBy)}) を使用 (rate table version {rates.Version})";

    public static string Calendar(ReportCalendar calendar) =>
        $"執務カレンダー {calendar.Source}: 平日 {calendar.Calendar.OpensAt:HH\\:mm}–{calendar.Calendar.ClosesAt:HH\\:mm} ({calendar.Calendar.Zone.Id})、祝日 {calendar.Calendar.Holidays.Count} 日{(calendar.Calendar.YearEndClosure ? "、年末年始 12/29–1/3 閉庁" : "")} (office calendar)";
}
