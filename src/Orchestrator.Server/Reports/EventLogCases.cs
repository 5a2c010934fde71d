using System.Globalization;
using Orchestrator.Engine;

namespace Orchestrator.Server.Reports;

/// <summary>
/// The report population as the event-log exports write it (<see cref="CsvExport"/>, <see cref="XesExport"/>,
/// <see cref="OcelExport"/>): cases in start order with their activity records, read a batch at a time and written as
/// they come, so an export of a large pilot stays small in memory. Every record says where it comes from (provenance
/// measured / simulated, origin task screen / time study / questionnaire …).
/// </summary>
public sealed class EventLogCases(ReportRowLoader loader, ReportPopulation population, RateService rates, Pseudonyms pseudonyms)
{
    public async IAsyncEnumerable<(ReportCaseRecord Case, List<ActivityRecord> Records)> ReadAsync(
        ReportFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var cases = (await population.CasesAsync(filter, ct)).OrderBy(c => c.StartedAt).ThenBy(c => c.InstanceId, StringComparer.Ordinal).ToList();
        var snapshot = await rates.CurrentAsync(ct);
        await foreach (var (c, rows) in loader.WithRowsAsync(cases, ct))
            yield return (c, ActivityRecord.Of(c, rows, snapshot, pseudonyms).ToList());
    }

    public static string StepName(ActivityRecord r) =>
        ExportText.Clean(r.StepCode is { } code ? $"{code} {r.ActivityName ?? r.ActivityId}" : r.ActivityName ?? r.ActivityId);

    public static string Resource(ActivityRecord r) =>
        r.Resource ?? (r.ActorOrgLevel == "Resident" ? "resident" : r.ActivityType == ActivityTypes.Handoff ? "handoff" : "system");

    /// <summary>UTC with milliseconds, as both standards expect.</summary>
    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.0###", CultureInfo.InvariantCulture);
}
