namespace Orchestrator.Server.Reports;

/// <summary>
/// The measurement definitions as every report states them: Japanese first, English in parentheses. Each report lists
/// the ones it used; docs/reports.md says the same in prose.
/// </summary>
public static class ReportDefinitions
{
    public const string Case =
        "案件 = 終了 (Finished) したワークフローインスタンス、または実測データの取込で登録された案件 (ワークフローを実行していない案件)。定義の processKey と arm (AsIs 現行 / ToBe 改革後) で分類する (case = a finished workflow instance, or a case known only from imported measurements, grouped by its definition's processKey and arm)";
    public const string Mode =
        "記録の種類 mode = auto (既定: ライブの案件があればライブのみ、なければシミュレーション) / live / simulated / all。all で実測とシミュレーションが混在する場合はフラグ mixed-live-simulated を付ける (mode auto, the default, reads live cases only when there are any; all pools both and says so; simulated and live records are never mixed silently)";
    public const string Versions =
        "版: 既定では業務・群ごとに 1 つの定義の版 (パイロットが固定した版、なければ対象案件で使われた最新の版) を集計し、他の版の案件は除く (フラグ other-versions-excluded)。versions=all ではすべての版を含め、版が混在するとフラグ mixed-versions を付ける (one definition version per process and arm by default: the pilot's pinned one, else the latest used; versions=all keeps every version and flags a mix)";
    public const string Provenance =
        "出所: 実測 = タスク画面の計測時間・報告作業時間、タイムスタディ、住民アンケート、ライブ案件の時刻と件数。公表 = 出典のある公表値。推計 = ステップのメタデータで推計とされた値 (出所の記載がない値も推計とみなす)。シミュレーション = シミュレーションのサイクルで推計・公表値から抽選した値 (その区間は標本誤差ではなくモデルのばらつき)。指標ごとに各出所の割合を示し、推計とシミュレーションが 50% を超える指標には「推計値に基づく」と表示する (provenance: measured, published, estimated, simulated; per metric the share of each; above 50 % estimates and simulation draws the figure carries the banner 推計値に基づく; intervals of simulated data are model variability, not sampling uncertainty)";
    public const string LeadTime =
        "リードタイム = 案件終了 − 案件開始 (暦時間、時間単位)。営業時間ベースは執務カレンダーの開庁時間のみを数える (lead time = case end − case start in calendar hours; business hours count only the office calendar's open time)";
    public const string Touch =
        "タッチタイム = 案件の完了した職員タスクの報告作業時間 (分) の合計。報告値の既定はタスク画面で計測したアクティブ時間。タイムスタディを取り込んだステップは、そのステップのタスク画面の時間に代えてタイムスタディの時間を数える (touch time = Σ clerk-reported effort minutes of the case's completed tasks, defaulting to the active time measured on the task screen; an imported time study replaces the task screen's time for the steps it covers)";
    public const string QueueWork =
        "待ち時間 = タスク作成 → 着手 (claim)、作業時間 = 着手 → 完了 (開庁時間のみ)。タッチタイムとは別に保持する (queue time = task created → claimed; work time = claimed → completed in office hours only; both kept beside touch time)";
    public const string Cost =
        "経費 = 人件費換算 + その他経費。人件費換算 = Σ 各ステップのタッチ時間 (時) × 時間単価 (実施者の組織レベル・役割)。役割の単価がなければ組織レベルの既定単価。単価の版は案件開始日 (JST) で選ぶ (cost = personnel cost + other costs; personnel cost = Σ touch hours × rate(actor org level, role), falling back to the level's default; the rate version valid on the case's start date in JST applies)";
    public const string OtherCost =
        "その他経費 = 案件で完了したステップがメタデータで宣言した経費 (用紙・印刷・郵送料・手数料・システム利用料、1 回あたりの円) の合計。負担者 (payer) ごと、なければ実施者の組織レベル (システムのステップは市町村、住民のステップは住民) に計上する (other costs = Σ the costs the case's completed steps declare — paper, printing, postage, fees, system usage in yen per execution — attributed to the payer, else the step's actor)";
    public const string Forms =
        "帳票枚数 = 案件で完了したステップの forms の合計。共有データから印字して住民が署名するだけの様式も数え、転記項目数 (再入力・再記入した項目) を並べて示す。提出書類数 = Σ residentDocuments、住民の所要時間 = Σ residentMinutes ÷ 60 (forms = Σ over the case's completed steps, including forms pre-printed from shared data that the resident only signs; transcribed items beside it; documents and resident hours = Σ over steps)";
    public const string Steps =
        "業務数 = 職員 (市町村・都道府県・国) が行ったステップの stepCode の種類数 (職員タスクと組織による手作業の引継ぎ)。システムが行ったステップは自動化ステップ、住民自身の手続は住民の手続数として別に数え、互いに合算しない。measurement や stepCode のないアクティビティ (開始・終了・制御) は数えない (steps = distinct stepCodes done by staff — clerk tasks and manual handoffs by an organisation; steps of the System actor are counted as automated steps and the resident's own as resident procedures, none folded into another)";
    public const string Rework =
        "差戻し等 = 案件で、ワークフローが rework: true とした結果 (差戻し・補正・再提出など) で完了したステップの数。一回で完了した割合 = 差戻し等が 0 の案件の割合 (rework per case = completions with an outcome the workflow marks as rework; first-time-right = share of cases with none)";
    public const string Trips =
        "来庁回数 = 異なる来庁の数。同じ visitGroup (同じ庁舎を同じ日に回る、など) のステップは 1 回と数え、visitGroup のないステップはその residentVisits を数える (office trips = distinct trips: steps sharing a visitGroup count once; a step without a group counts its own residentVisits)";
    public const string Resident =
        "住民アンケートの回答がある案件は、来庁回数・提出書類数・所要時間に回答の値 (実測) を用いる。匿名の回答は、その群の住民負担だけを持つ案件として数える。満足度 (1–5) は回答のみから (a questionnaire answer replaces a case's resident figures with what the resident reported; an anonymous answer is a case of its own with resident figures only; satisfaction comes from answers only)";
    public const string Imports =
        "取込んだタイムスタディの行は実測の職員作業時間、住民アンケートの行は実測の住民負担。ワークフローを実行していない案件は取込みの行だけからなる案件で、リードタイムと差戻しを持たず、帳票・経費などはそのステップのメタデータから数える (imported time-study rows are measured clerk time, questionnaire rows measured resident burden; a case with no workflow run has no lead time or rework, and takes forms and costs from its steps' metadata)";
    public const string Delta =
        "Δ = 平均(現行) − 平均(改革後) (各指標の単位)。削減率 = Δ ÷ 平均(現行) (平均(現行) = 0、または割合・増えるべき指標では null)。区間は Δ の区間をその指標の単位で示し、削減率の区間は示さない (削減は 100% を超えない) (Δ = mean(as-is) − mean(to-be) in the metric's unit; reduction rate = Δ ÷ mean(as-is); the interval is of Δ in the metric's own unit, never of the rate)";
    public const string Percentiles =
        "中央値・P90 は最近接順位間の線形補間 (Excel PERCENTILE.INC): h = (n − 1)·p、x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) (median and P90: linear interpolation between closest ranks)";
    public const string SmallSample =
        "どちらかのアームの n < 30 のときフラグ n<30 を付ける (flag n<30 when an arm has fewer than 30 cases)";
    public const string Projection =
        "年間効果 = Δ (1 件あたり) × 年間件数。市町村ごとに、その市町村の n が両群とも 30 以上ならその Δ、そうでなければ全体 (プール) の Δ を用い、どちらを用いたかを示す。全国推計 = Σ 全市区町村 (1,741) の年間件数 × Δ = 全国年間件数 × 全体の Δ。経費と作業時間は削減が生じる主体 (市町村・都道府県・国・住民) ごとにも示す。必ず推計 (projection) と表示する (annual saving = Δ × annual volume, per municipality with its own Δ where both arms have n ≥ 30, else the pooled Δ, saying which; nationwide = volume × pooled Δ; cost and hours are attributed to the level where they fall; always labelled a projection)";
    public const string Payback =
        "投資回収年数 = 初期投資 ÷ (年間の経費削減 − 追加の年間運用費)。年間の経費削減はパイロットの市町村の年間件数 × 行政側 (市町村・都道府県・国) の経費の Δ の合計。削減が運用費以下なら回収しない (payback years = investment ÷ (annual saving − added running cost); the annual saving is Σ over the pilot's municipalities of volume × the administration's cost Δ; none when the saving does not exceed the running cost)";
    public const string Fte =
        "人工 (FTE) = 年間削減時間 ÷ 年間勤務時間 (単価表の annualWorkingHours) (full-time equivalents = hours saved per year ÷ annual working hours of the rate table)";
    public const string Handoff =
        "引継ぎ遅延 = 送付 (ある組織) → 受領 (次の組織)。失敗 = 受領されなかった引継ぎ、失敗試行 = 失敗した試行の合計 (handoff latency = sent → received; failed = handoffs never received; failed attempts = Σ failures of all attempts)";
    public const string Decomposition =
        "リードタイム分解: 職員の作業区間 (着手 → 完了) の和集合のうち開庁時間を作業とし、閉庁時間はすべて時間外とする。残りの待ちを タスク待ち > 組織間引継ぎ > 住民 > システム > その他 の優先順で割り当てる。各区分の合計はリードタイムに等しい (decomposition: work is the union of clerk work intervals claimed → completed, in office hours only; every closed hour is off-hours; the remaining waiting goes to queue, inter-organisation handoff, resident, system, other, in that priority; the parts add up to the lead time)";
    public const string StepComparison =
        "ステップ比較は stepCode で対応付ける: 現行のみ = removed、改革後のみ = new、現行は職員・住民で改革後は System = automated、改革後の 1 回あたり平均 (職員ステップはタッチ、その他は所要時間) または帳票が現行より許容差を超えて少ない = shortened、それ以外 = unchanged (steps are matched by stepCode: removed, new, automated, shortened beyond the tolerance, unchanged)";
    public const string StepFigures =
        "所要時間 = アクティビティ開始 → 完了 (分)、タッチ = そのステップの報告作業時間 (職員以外は 0)、1 件あたり帳票・タッチ = ステップの合計 ÷ アームの案件数 (duration = activity started → completed; touch = reported effort per execution, 0 for non-clerk steps; per case = the step's total ÷ the arm's cases)";
    public const string Pseudonyms =
        "職員は利用者 ID のハッシュ (SHA-256、ソルト付き) による仮名で示し、氏名は出力しない (clerks appear as pseudonyms: a salted SHA-256 of the user id, never names)";
    public const string Trend =
        "推移はサイクル (CycleId) ごと、サイクルを実施した順 (依頼日時、サイクル番号)。サイクルのない案件は「パイロット外」にまとめて先頭に置く (trend per cycle, in the order the cycles were run; cases outside any cycle form one group, shown first)";

    public static string Bootstrap(int samples, int seed) =>
        $"Δ の 95% 区間: パーセンタイル・ブートストラップ、B = {samples} 回、各群を同数で復元抽出 (xoshiro256**、SplitMix64 で (seed = {seed}, 反復番号) から初期化)、差の 2.5% 点と 97.5% 点。一部の案件にしかない指標は、値のある案件だけを抽出する。シミュレーションの案件の区間はモデルのばらつきを表し、標本誤差ではない (95% interval of Δ: percentile bootstrap, B = {samples} resamples of each arm with replacement, xoshiro256** seeded by SplitMix64 from (seed {seed}, replicate); 2.5% and 97.5% percentiles of the differences; a metric only some cases have is resampled over those; for simulated cases the interval is model variability, not sampling uncertainty)";

    public static string Rates(RateTableSnapshot rates) =>
        $"単価表 第 {rates.Version} 版 ({rates.Source}, {rates.ChangedAt:yyyy-MM-dd HH:mm} UTC{(rates.ChangedBy is null ? "" : ", " + rates.ChangedBy)}) を使用 (rate table version {rates.Version})";

    public static string Calendar(ReportCalendar calendar) =>
        $"執務カレンダー {calendar.Source}: 平日 {calendar.Calendar.OpensAt:HH\\:mm}–{calendar.Calendar.ClosesAt:HH\\:mm} ({calendar.Calendar.Zone.Id})、祝日 {calendar.Calendar.Holidays.Count} 日{(calendar.Calendar.YearEndClosure ? "、年末年始 12/29–1/3 閉庁" : "")} (office calendar)";
}
