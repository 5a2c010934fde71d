using System.Text.Json;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Reports;

/// <summary>
/// The personnel-cost rate table (時間単価) as stored in `fixtures/rates.json` and exchanged by `GET/PUT /api/rates`.
/// A rate with no role is the level's default. Members are nullable so that a PUT body can be validated field by field.
/// </summary>
public sealed record RateDocument(string? Currency, string? Derivation, IReadOnlyList<RateEntry>? Rates);

/// <summary>One versioned rate: yen per hour for an organisation level and role, valid from/to a date (inclusive).</summary>
public sealed record RateEntry(
    string? OrgLevel, string? Role, double? YenPerHour, DateOnly? ValidFrom, DateOnly? ValidTo, string? Derivation);

/// <summary>A rate that was applied: which entry, and why (the role's own rate or the level's default).</summary>
public sealed record AppliedRate(string OrgLevel, string? Role, double YenPerHour, DateOnly? ValidFrom, DateOnly? ValidTo, string? Derivation, bool LevelDefault);

/// <summary>A validated, immutable rate table.</summary>
public sealed class RateTable
{
    /// <summary>Levels that employ clerks and so have personnel costs (Resident and System do not).</summary>
    public static readonly IReadOnlyList<string> KnownLevels = ["Municipality", "Prefecture", "National"];

    /// <summary>Rates apply by the calendar date in Japan (JST, UTC+9, no daylight saving).</summary>
    public static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    private RateTable(RateDocument document) => Document = document;

    public RateDocument Document { get; }

    public string Currency => Document.Currency ?? "JPY";

    public static RateTable Create(RateDocument document)
    {
        var problems = Validate(document);
        if (problems.Count > 0)
            throw new InvalidOperationException("Invalid rate table: " + string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}")));
        return new RateTable(Normalise(document));
    }

    public static List<FieldProblem> Validate(RateDocument? document)
    {
        var problems = new List<FieldProblem>();
        if (document is null)
        {
            problems.Add(new("$", "単価表が必要です (a rate table is required)"));
            return problems;
        }
        if (document.Currency is { } currency && currency != "JPY")
            problems.Add(new("$.currency", "通貨は JPY のみです (currency must be JPY)"));
        if (document.Rates is null)
        {
            problems.Add(new("$.rates", "rates が必要です (required)"));
            return problems;
        }
        for (var i = 0; i < document.Rates.Count; i++)
        {
            var rate = document.Rates[i];
            var path = $"$.rates[{i}]";
            if (rate is null)
            {
                problems.Add(new(path, "単価が空です (empty rate)"));
                continue;
            }
            if (KnownLevel(rate.OrgLevel) is null)
                problems.Add(new($"{path}.orgLevel", $"組織レベルは {string.Join(" / ", KnownLevels)} のいずれかです (unknown level '{rate.OrgLevel}')"));
            if (rate.YenPerHour is not { } yen || !double.IsFinite(yen) || yen <= 0)
                problems.Add(new($"{path}.yenPerHour", "時間単価は 0 より大きい値です (must be > 0)"));
            if (rate.ValidFrom is { } from && rate.ValidTo is { } to && to < from)
                problems.Add(new($"{path}.validTo", "validTo は validFrom 以降です (validTo before validFrom)"));
            if (rate.Role is { } role && string.IsNullOrWhiteSpace(role))
                problems.Add(new($"{path}.role", "役割が空です: 既定単価は null にします (use null for the level default)"));
        }
        // Two entries for the same level and role must not both apply on one day, or the cost would be ambiguous.
        for (var i = 0; i < document.Rates.Count; i++)
        for (var j = i + 1; j < document.Rates.Count; j++)
        {
            var (a, b) = (document.Rates[i], document.Rates[j]);
            if (a is null || b is null || KnownLevel(a.OrgLevel) is not { } level || level != KnownLevel(b.OrgLevel) || a.Role != b.Role)
                continue;
            if ((a.ValidFrom ?? DateOnly.MinValue) <= (b.ValidTo ?? DateOnly.MaxValue) && (b.ValidFrom ?? DateOnly.MinValue) <= (a.ValidTo ?? DateOnly.MaxValue))
                problems.Add(new($"$.rates[{j}]", $"$.rates[{i}] と有効期間が重なっています (overlaps another rate of the same level and role)"));
        }
        return problems;
    }

    /// <summary>The rate for a level and role on a date: the role's own rate, else the level's default; null when none.</summary>
    public AppliedRate? Find(string? orgLevel, string? role, DateTimeOffset at)
    {
        if (KnownLevel(orgLevel) is not { } level)
            return null;
        var day = DateOnly.FromDateTime(at.ToOffset(JapanOffset).DateTime);
        var valid = Document.Rates!.Where(r => r.OrgLevel == level && (r.ValidFrom ?? DateOnly.MinValue) <= day && day <= (r.ValidTo ?? DateOnly.MaxValue)).ToList();
        var own = string.IsNullOrEmpty(role) ? null : valid.FirstOrDefault(r => r.Role == role);
        var chosen = own ?? valid.FirstOrDefault(r => r.Role is null);
        return chosen is null
            ? null
            : new AppliedRate(level, chosen.Role, chosen.YenPerHour!.Value, chosen.ValidFrom, chosen.ValidTo, chosen.Derivation, LevelDefault: chosen.Role is null);
    }

    private static string? KnownLevel(string? level) =>
        KnownLevels.FirstOrDefault(k => string.Equals(k, level, StringComparison.OrdinalIgnoreCase));

    private static RateDocument Normalise(RateDocument d) => d with
    {
        Currency = d.Currency ?? "JPY",
        Rates = d.Rates!.Select(r => r with { OrgLevel = KnownLevel(r.OrgLevel) }).ToList(),
    };
}

/// <summary>The rate table as last set: where it came from and when.</summary>
public sealed record RateTableSnapshot(RateTable Table, string Source, DateTimeOffset LoadedAt, string? ChangedBy);

/// <summary>What `GET /api/rates` returns: the file's shape plus where the table came from.</summary>
public sealed record RatesResponse(
    string Currency, string? Derivation, IReadOnlyList<RateEntry> Rates, string Source, DateTimeOffset LoadedAt, string? ChangedBy, string Persistence);

public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>The rate table file, relative to the repository/product root.</summary>
    public string RatesFile { get; set; } = Path.Combine("fixtures", "rates.json");

    /// <summary>Bootstrap seed when the request gives none.</summary>
    public int DefaultSeed { get; set; } = 2009;
}

/// <summary>
/// Holds the current rate table: loaded from the fixture file at start, replaceable in memory by a Coordinator.
/// A replacement changes the cost of later reports only; stored measurements are never touched.
/// Persisting replacements in the store is left for a later migration.
/// </summary>
public sealed class RateService
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    private readonly TimeProvider time;
    private RateTableSnapshot current;

    public RateService(ProductPaths paths, ReportOptions options, TimeProvider time)
    {
        this.time = time;
        var file = Path.GetFullPath(Path.Combine(paths.Root, options.RatesFile));
        var document = JsonSerializer.Deserialize<RateDocument>(File.ReadAllText(file), Json)
                       ?? throw new InvalidOperationException($"{file} is empty");
        current = new RateTableSnapshot(RateTable.Create(document), Path.GetRelativePath(paths.Root, file).Replace('\\', '/'), time.GetUtcNow(), null);
    }

    public RateTableSnapshot Current => Volatile.Read(ref current);

    /// <summary>Replaces the table when it is valid; otherwise returns the problems and changes nothing.</summary>
    public IReadOnlyList<FieldProblem> Replace(RateDocument? document, string? changedBy)
    {
        var problems = RateTable.Validate(document);
        if (problems.Count > 0)
            return problems;
        Volatile.Write(ref current, new RateTableSnapshot(RateTable.Create(document!), "api", time.GetUtcNow(), changedBy));
        return [];
    }

    public RatesResponse Describe()
    {
        var snapshot = Current;
        var d = snapshot.Table.Document;
        return new RatesResponse(snapshot.Table.Currency, d.Derivation, d.Rates!, snapshot.Source, snapshot.LoadedAt, snapshot.ChangedBy,
            "in memory: a PUT lasts until the server restarts (persisting rates in the store comes with a later migration)");
    }
}
