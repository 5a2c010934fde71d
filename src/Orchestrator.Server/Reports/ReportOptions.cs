namespace Orchestrator.Server.Reports;

/// <summary>Configuration section `Reports`. Files are relative to the repository/product root.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>Seeds the first stored version of the rate table (later versions come from PUT /api/rates).</summary>
    public string RatesFile { get; set; } = Path.Combine("fixtures", "rates.json");

    /// <summary>Annual case volumes per municipality and nationwide, for the projection.</summary>
    public string VolumesFile { get; set; } = Path.Combine("fixtures", "volumes.json");

    /// <summary>The office calendar for business-hours lead time and the off-hours part of the decomposition.</summary>
    public string CalendarFile { get; set; } = Path.Combine("fixtures", "calendar.json");

    /// <summary>Bootstrap seed when the request gives none.</summary>
    public int DefaultSeed { get; set; } = 2009;

    /// <summary>Bootstrap resamples for the 95% confidence interval of Δ.</summary>
    public int BootstrapSamples { get; set; } = 2000;

    /// <summary>A step whose to-be mean is within this fraction of its as-is mean is "unchanged".</summary>
    public double UnchangedTolerance { get; set; } = 0.05;

    /// <summary>How often finished cases are aggregated in the background (0 = only when a report is read).</summary>
    public int RefreshSeconds { get; set; } = 60;

    /// <summary>
    /// The URI that names our XES extension (prefix orch:) in every exported log. The same on every host, so logs from
    /// two servers (or one behind a proxy) name one extension; set it to the address where the definition is published
    /// (the server serves it at /api/exports/orchestrator.xesext) for tools that fetch extension definitions.
    /// </summary>
    public string XesExtensionUri { get; set; } = "urn:orchestrator:xes:orch";

    /// <summary>Mixed into the hash that turns user ids into pseudonyms, so pseudonyms cannot be matched across installations.</summary>
    public string PseudonymSalt { get; set; } = "orchestrator-reports";
}
