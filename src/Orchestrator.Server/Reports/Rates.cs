using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Reports;

/// <summary>
/// The personnel-cost rate table (時間単価) in the shape of `fixtures/rates.json`, also the body of `GET/PUT /api/rates`.
/// A rate with no role is the level's default. Members are nullable so that a PUT body can be validated field by field.
/// </summary>
public sealed record RateDocument(
    string? Description, string? Currency, double? AnnualWorkingHours, string? Lookup, IReadOnlyList<RateEntry?>? Rates);

/// <summary>One versioned rate: yen per hour for an organisation level and role, valid from/to a date (inclusive; null = open).</summary>
public sealed record RateEntry(
    string? OrgLevel, string? Role, double? HourlyRateJpy, DateOnly? ValidFrom, DateOnly? ValidTo, bool? Estimate, string? Derivation);

/// <summary>A rate that was applied: which entry, and whether it was the level's default because the role had none.</summary>
public sealed record AppliedRate(
    string OrgLevel, string? Role, double HourlyRateJpy, DateOnly? ValidFrom, DateOnly? ValidTo, bool Estimate, string? Derivation, bool LevelDefault);

/// <summary>A validated, immutable rate table.</summary>
public sealed class RateTable
{
    /// <summary>Levels that employ clerks and so have personnel costs (Resident and System do not).</summary>
    public static readonly IReadOnlyList<string> KnownLevels = ["Municipality", "Prefecture", "National"];

    private readonly IReadOnlyList<RateEntry> entries;

    private RateTable(RateDocument document)
    {
        Document = document;
        entries = document.Rates!.Select(r => r!).ToList();
    }

    public RateDocument Document { get; }
    public IReadOnlyList<RateEntry> Entries => entries;
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
        TextLimits.Check(problems, "$.description", document.Description, TextLimits.Text);
        TextLimits.Check(problems, "$.lookup", document.Lookup, TextLimits.Text);
        if (document.AnnualWorkingHours is { } hours && (!double.IsFinite(hours) || hours <= 0 || hours > 8784))
            problems.Add(new("$.annualWorkingHours", "年間勤務時間は 0 より大きく 8784 以下です (must be > 0 and ≤ 8784)"));
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
            if (rate.HourlyRateJpy is not { } yen || !double.IsFinite(yen) || yen <= 0)
                problems.Add(new($"{path}.hourlyRateJpy", "時間単価は 0 より大きい値です (must be > 0)"));
            if (rate.ValidFrom is { } from && rate.ValidTo is { } to && to < from)
                problems.Add(new($"{path}.validTo", "validTo は validFrom 以降です (validTo before validFrom)"));
            if (rate.Role is { } role && string.IsNullOrWhiteSpace(role))
                problems.Add(new($"{path}.role", "役割が空です: 既定単価は null にします (use null for the level default)"));
            TextLimits.Check(problems, $"{path}.role", rate.Role, TextLimits.Name);
            TextLimits.Check(problems, $"{path}.derivation", rate.Derivation, TextLimits.Text);
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

    /// <summary>
    /// The rate for a level and role on a case date: the role's own version valid that day, else the level's default
    /// version valid that day; null when none (the fixture's lookup rule).
    /// </summary>
    public AppliedRate? Find(string? orgLevel, string? role, DateOnly day)
    {
        if (KnownLevel(orgLevel) is not { } level)
            return null;
        RateEntry? own = null, fallback = null;
        foreach (var r in entries)
        {
            if (r.OrgLevel != level || (r.ValidFrom ?? DateOnly.MinValue) > day || day > (r.ValidTo ?? DateOnly.MaxValue))
                continue;
            if (r.Role is null)
                fallback = r;
            else if (r.Role == role)
                own = r;
        }
        var chosen = own ?? fallback;
        return chosen is null
            ? null
            : new AppliedRate(level, chosen.Role, chosen.HourlyRateJpy!.Value, chosen.ValidFrom, chosen.ValidTo, chosen.Estimate ?? false,
                chosen.Derivation, LevelDefault: chosen.Role is null && !string.IsNullOrEmpty(role));
    }

    private static string? KnownLevel(string? level) =>
        KnownLevels.FirstOrDefault(k => string.Equals(k, level, StringComparison.OrdinalIgnoreCase));

    private static RateDocument Normalise(RateDocument d) => d with
    {
        Currency = d.Currency ?? "JPY",
        Rates = d.Rates!.Select(r => r! with { OrgLevel = KnownLevel(r.OrgLevel) }).ToList(),
    };
}

/// <summary>One stored version of the rate table. Versions are never changed or deleted: reports name the one they used.</summary>
public sealed class RateTableVersionRecord
{
    public int Version { get; set; }
    public required string DocumentJson { get; set; }
    /// <summary>`fixtures/rates.json` for the seeded first version, `api` for a PUT.</summary>
    public required string Source { get; set; }
    public string? ChangedBy { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

/// <summary>The rate table in force: its version, where it came from, who set it and when.</summary>
public sealed record RateTableSnapshot(int Version, RateTable Table, string Source, DateTimeOffset ChangedAt, string? ChangedBy);

/// <summary>What `GET /api/rates` returns: the document plus its version.</summary>
public sealed record RatesResponse(
    int Version, string Source, DateTimeOffset ChangedAt, string? ChangedBy,
    string? Description, string Currency, double? AnnualWorkingHours, string? Lookup, IReadOnlyList<RateEntry> Rates);

public sealed record RateVersionSummary(int Version, string Source, DateTimeOffset ChangedAt, string? ChangedBy, int Entries);

/// <summary>
/// The rate table, versioned in the store (table RateTableVersions). The first use seeds version 1 from the fixture
/// file; a Coordinator's PUT adds a version. Changing rates changes the cost figures of later reports only: stored
/// measurements (tasks, executions) are never touched.
/// </summary>
public sealed class RateService(IServiceScopeFactory scopes, ProductPaths paths, ReportOptions options, TimeProvider time)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private readonly SemaphoreSlim gate = new(1, 1);
    private RateTableSnapshot? current;

    /// <summary>The version in force (reads the newest version number each time, so a change by another process shows).</summary>
    public async Task<RateTableSnapshot> CurrentAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newest = await db.RateTableVersions.AsNoTracking().OrderByDescending(v => v.Version).Select(v => (int?)v.Version).FirstOrDefaultAsync(ct);
        var known = Volatile.Read(ref current);
        if (known is not null && known.Version == newest)
            return known;

        await gate.WaitAsync(ct);
        try
        {
            var record = await db.RateTableVersions.AsNoTracking().OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
            if (record is null)
            {
                record = new RateTableVersionRecord
                {
                    Version = 1,
                    DocumentJson = await File.ReadAllTextAsync(RatesFile, ct),
                    Source = Path.GetRelativePath(paths.Root, RatesFile).Replace('\\', '/'),
                    ChangedAt = time.GetUtcNow(),
                };
                RateTable.Create(Parse(record.DocumentJson)); // a broken fixture fails here, before it is stored
                db.RateTableVersions.Add(record);
                await db.SaveChangesAsync(ct);
            }
            var snapshot = ToSnapshot(record);
            Volatile.Write(ref current, snapshot);
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stores the document as a new version when it is valid; otherwise returns the problems and changes nothing.</summary>
    public async Task<(RateTableSnapshot? Snapshot, IReadOnlyList<FieldProblem> Problems)> ReplaceAsync(RateDocument? document, string? changedBy, CancellationToken ct)
    {
        var problems = RateTable.Validate(document);
        if (problems.Count > 0)
            return (null, problems);
        var table = RateTable.Create(document!);
        await CurrentAsync(ct); // version 1 exists before the first replacement
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var newest = await db.RateTableVersions.MaxAsync(v => v.Version, ct);
            var record = new RateTableVersionRecord
            {
                Version = newest + 1,
                DocumentJson = JsonSerializer.Serialize(table.Document, Json),
                Source = "api",
                ChangedBy = changedBy,
                ChangedAt = time.GetUtcNow(),
            };
            db.RateTableVersions.Add(record);
            await db.SaveChangesAsync(ct);
            var snapshot = ToSnapshot(record);
            Volatile.Write(ref current, snapshot);
            return (snapshot, []);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<IReadOnlyList<RateVersionSummary>> VersionsAsync(CancellationToken ct)
    {
        await CurrentAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var records = await db.RateTableVersions.AsNoTracking().OrderByDescending(v => v.Version).ToListAsync(ct);
        return records.Select(r => new RateVersionSummary(r.Version, r.Source, r.ChangedAt, r.ChangedBy, Parse(r.DocumentJson).Rates?.Count ?? 0)).ToList();
    }

    public static RatesResponse Describe(RateTableSnapshot s)
    {
        var d = s.Table.Document;
        return new RatesResponse(s.Version, s.Source, s.ChangedAt, s.ChangedBy, d.Description, s.Table.Currency, d.AnnualWorkingHours,
            d.Lookup, s.Table.Entries);
    }

    public static RateDocument Parse(string json) =>
        JsonSerializer.Deserialize<RateDocument>(json, Json) ?? throw new InvalidDataException("empty rate table");

    private string RatesFile => Path.GetFullPath(Path.Combine(paths.Root, options.RatesFile));

    private static RateTableSnapshot ToSnapshot(RateTableVersionRecord r) =>
        new(r.Version, RateTable.Create(Parse(r.DocumentJson)), r.Source, r.ChangedAt, r.ChangedBy);
}
