using System.Text.Json;
using System.Text.Json.Serialization;
using Orchestrator.Server.Calendar;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Pilots;

[JsonConverter(typeof(JsonStringEnumConverter<PilotMode>))]
public enum PilotMode { Live, Simulated }

/// <summary>How a pilot's cases are split between the two arms.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ArmAssignment>))]
public enum ArmAssignment { BothArms, Alternate, Random, ByMunicipality }

[JsonConverter(typeof(JsonStringEnumConverter<CaseSourceKind>))]
public enum CaseSourceKind { Csv, Generator }

public sealed record LocalizedName(string? Ja, string? En);

/// <summary>A definition a pilot runs; no version = the version published when the cycle starts.</summary>
public sealed record PilotArmDefinition(string? DefinitionId, int? Version);

public sealed record PilotProcess(string? ProcessKey, PilotArmDefinition? AsIs, PilotArmDefinition? ToBe, string? CasesFile);

public sealed record PilotDesign(ArmAssignment Assignment = ArmAssignment.BothArms, int? Seed = null, Dictionary<string, string>? ArmByMunicipality = null);

public sealed record PilotCaseSource(CaseSourceKind Kind = CaseSourceKind.Csv, int? Seed = null);

public sealed record PilotSchedule(string? Cron, string? TimeZone = "Asia/Tokyo");

/// <summary>Simulated clerks: how many each organisation has (default for all, and per organisation code).</summary>
public sealed record ClerkCapacity(int Default = 2, Dictionary<string, int>? ByOrganisation = null)
{
    public int For(string? organisationCode) =>
        organisationCode is not null && ByOrganisation?.TryGetValue(organisationCode, out var n) == true ? n : Default;
}

/// <summary>
/// How a simulated cycle runs: its seed, the simulated clerks, the office calendar, and the window over which the
/// cycle's cases arrive (evenly over its office hours; default: the first half of the cycle, so that the last
/// arrivals have time to finish).
/// </summary>
public sealed record SimulationDesign(int Seed = 1, ClerkCapacity? ClerkCapacity = null, CalendarDocument? Calendar = null, TimeSpan? ArrivalWindow = null);

/// <summary>A yen amount with where it comes from (measured, published or estimate) and its basis.</summary>
public sealed record CostFigure(double? Yen, string? Source, string? Basis);

/// <summary>What the pilot's reform costs: the one-off investment and the running cost it adds each year (for the payback period).</summary>
public sealed record PilotCosts(CostFigure? Investment, CostFigure? AnnualRunningCost);

/// <summary>
/// The configuration of a pilot as the API takes and returns it. Members are nullable where a request may omit them,
/// so that <see cref="PilotConfigurationValidator"/> can name each missing one.
/// </summary>
public sealed record PilotConfiguration(
    LocalizedName? Name,
    string? Description,
    PilotMode? Mode,
    bool Active,
    IReadOnlyList<PilotProcess>? Processes,
    IReadOnlyList<string>? Municipalities,
    PilotDesign? Design,
    int CasesPerCycle,
    PilotCaseSource? CaseSource,
    PilotSchedule? Schedule,
    TimeSpan? CycleLength,
    SimulationDesign? Simulation,
    PilotCosts? Costs = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static readonly TimeSpan DefaultCycleLength = TimeSpan.FromDays(14);

    public TimeSpan EffectiveCycleLength => CycleLength ?? DefaultCycleLength;
    public PilotDesign EffectiveDesign => Design ?? new PilotDesign();
    public PilotCaseSource EffectiveCaseSource => CaseSource ?? new PilotCaseSource();
    public SimulationDesign EffectiveSimulation => Simulation ?? new SimulationDesign();
    public string TimeZoneId => Schedule?.TimeZone ?? "Asia/Tokyo";
}

/// <summary>What a pilot configuration must satisfy; every problem is reported with its JSON path.</summary>
public static class PilotConfigurationValidator
{
    public const int MaxCasesPerCycle = 10_000;

    /// <param name="knownMunicipalities">Municipality codes of the organisation catalogue.</param>
    /// <param name="armOf">The published arm of a definition id (null when the definition has no published version).</param>
    /// <param name="caseFileProblem">What is wrong with a case file (path relative to the product root), or null.</param>
    public static List<FieldProblem> Validate(
        PilotConfiguration? c, IReadOnlySet<string> knownMunicipalities, Func<string, string?> armOf, Func<string, string?> caseFileProblem)
    {
        var problems = new List<FieldProblem>();
        if (c is null)
        {
            problems.Add(new("$", "パイロットの設定が必要です (a pilot configuration is required)"));
            return problems;
        }
        if (string.IsNullOrWhiteSpace(c.Name?.Ja))
            problems.Add(new("$.name.ja", "名前 (日本語) を入力してください (a Japanese name is required)"));
        TextLimits.Check(problems, "$.name.ja", c.Name?.Ja, TextLimits.Name);
        TextLimits.Check(problems, "$.name.en", c.Name?.En, TextLimits.Name);
        TextLimits.Check(problems, "$.description", c.Description, TextLimits.Text);
        TextLimits.Check(problems, "$.schedule.cron", c.Schedule?.Cron, TextLimits.Identifier);
        if (c.Mode is null)
            problems.Add(new("$.mode", "モードは Live か Simulated です (mode must be Live or Simulated)"));

        if (c.Processes is not { Count: > 0 })
            problems.Add(new("$.processes", "プロセスを 1 つ以上指定してください (at least one process)"));
        else
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < c.Processes.Count; i++)
                ValidateProcess(c, c.Processes[i], $"$.processes[{i}]", keys, armOf, caseFileProblem, problems);
        }

        if (c.Municipalities is not { Count: > 0 })
            problems.Add(new("$.municipalities", "参加する市町村を 1 つ以上指定してください (at least one municipality)"));
        else
        {
            for (var i = 0; i < c.Municipalities.Count; i++)
            {
                if (!knownMunicipalities.Contains(c.Municipalities[i]))
                    problems.Add(new($"$.municipalities[{i}]", $"市町村コード '{c.Municipalities[i]}' は登録されていません (unknown municipality code)"));
            }
            if (c.Municipalities.Distinct().Count() != c.Municipalities.Count)
                problems.Add(new("$.municipalities", "市町村が重複しています (duplicate municipality)"));
        }

        if (c.CasesPerCycle is < 1 or > MaxCasesPerCycle)
            problems.Add(new("$.casesPerCycle", $"1 サイクルの件数は 1〜{MaxCasesPerCycle} です (cases per cycle per municipality must be 1–{MaxCasesPerCycle})"));

        var design = c.EffectiveDesign;
        if (design.Assignment == ArmAssignment.ByMunicipality)
        {
            foreach (var code in c.Municipalities ?? [])
            {
                if (design.ArmByMunicipality?.TryGetValue(code, out var arm) != true || arm is not (Arms.AsIs or Arms.ToBe))
                    problems.Add(new($"$.design.armByMunicipality.{code}", $"市町村 {code} の群 (AsIs / ToBe) を指定してください (arm required per municipality)"));
            }
        }

        if (c.Schedule?.Cron is { Length: > 0 } cron && !CronText.IsValid(cron))
            problems.Add(new("$.schedule.cron", $"cron 式 '{cron}' を解釈できません (5 項目、または秒を含む 6 項目) (invalid cron expression)"));
        if (!TryFindTimeZone(c.TimeZoneId, out _))
            problems.Add(new("$.schedule.timeZone", $"タイムゾーン '{c.TimeZoneId}' は不明です (unknown time zone)"));
        if (c.CycleLength is { } length && (length < TimeSpan.FromMinutes(1) || length > TimeSpan.FromDays(366)))
            problems.Add(new("$.cycleLength", "サイクル期間は 1 分〜366 日です (cycle length must be 1 minute to 366 days)"));

        foreach (var (figure, name) in new[] { (c.Costs?.Investment, "investment"), (c.Costs?.AnnualRunningCost, "annualRunningCost") })
        {
            if (figure is null)
                continue;
            if (figure.Yen is not { } yen || !double.IsFinite(yen) || yen < 0)
                problems.Add(new($"$.costs.{name}.yen", "金額 (円) は 0 以上の数です (yen must be a number ≥ 0)"));
            if (!Provenances.TryParse(figure.Source, out _))
                problems.Add(new($"$.costs.{name}.source", "出所は measured (実測) / published (公表) / estimate (推計) のいずれかです (source must be measured, published or estimate)"));
            if (string.IsNullOrWhiteSpace(figure.Basis))
                problems.Add(new($"$.costs.{name}.basis", "根拠 (出典や算定の考え方) を書いてください (a basis is required)"));
        }

        if (c.Simulation is { } sim)
        {
            if (sim.ClerkCapacity is { } capacity)
            {
                if (capacity.Default < 1)
                    problems.Add(new("$.simulation.clerkCapacity.default", "職員数は 1 以上です (at least one clerk)"));
                foreach (var (code, n) in capacity.ByOrganisation ?? [])
                {
                    if (n < 1)
                        problems.Add(new($"$.simulation.clerkCapacity.byOrganisation.{code}", "職員数は 1 以上です (at least one clerk)"));
                }
            }
            if (sim.ArrivalWindow is { } window && (window < TimeSpan.Zero || window > c.EffectiveCycleLength))
                problems.Add(new("$.simulation.arrivalWindow", "到着期間は 0 以上、サイクル期間以下です (arrival window must be within the cycle length)"));
            if (sim.Calendar is { } calendar)
            {
                try
                {
                    OfficeCalendar.From(calendar);
                }
                catch (Exception e) when (e is FormatException or ArgumentException or TimeZoneNotFoundException or InvalidTimeZoneException)
                {
                    problems.Add(new("$.simulation.calendar", $"執務カレンダーが不正です: {e.Message} (invalid office calendar)"));
                }
            }
        }
        return problems;
    }

    private static void ValidateProcess(
        PilotConfiguration c, PilotProcess p, string path, HashSet<string> keys, Func<string, string?> armOf, Func<string, string?> caseFileProblem,
        List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(p.ProcessKey))
            problems.Add(new($"{path}.processKey", "プロセスキーが必要です (processKey is required)"));
        else if (!keys.Add(p.ProcessKey))
            problems.Add(new($"{path}.processKey", $"プロセス '{p.ProcessKey}' が重複しています (duplicate process)"));
        TextLimits.Check(problems, $"{path}.processKey", p.ProcessKey, TextLimits.Identifier);

        foreach (var (arm, definition) in new[] { (Arms.AsIs, p.AsIs), (Arms.ToBe, p.ToBe) })
        {
            var armPath = $"{path}.{(arm == Arms.AsIs ? "asIs" : "toBe")}.definitionId";
            if (string.IsNullOrWhiteSpace(definition?.DefinitionId))
            {
                problems.Add(new(armPath, $"{arm} 群のワークフロー定義を指定してください (definition required)"));
                continue;
            }
            var actual = armOf(definition.DefinitionId);
            if (actual is null)
                problems.Add(new(armPath, $"ワークフロー定義 '{definition.DefinitionId}' に公開版がありません (no published version)"));
            else if (actual != arm)
                problems.Add(new(armPath, $"'{definition.DefinitionId}' は {arm} 群ではなく {actual} 群の定義です (definition belongs to the other arm)"));
        }

        if (c.EffectiveCaseSource.Kind == CaseSourceKind.Csv)
        {
            if (string.IsNullOrWhiteSpace(p.CasesFile))
                problems.Add(new($"{path}.casesFile", "案件 CSV ファイルを指定してください (case file required for a CSV case source)"));
            else if (caseFileProblem(p.CasesFile) is { } problem)
                problems.Add(new($"{path}.casesFile", problem));
        }
    }

    public static bool TryFindTimeZone(string id, out TimeZoneInfo? zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = null;
            return false;
        }
    }
}

public static class Arms
{
    public const string AsIs = "AsIs";
    public const string ToBe = "ToBe";
}
