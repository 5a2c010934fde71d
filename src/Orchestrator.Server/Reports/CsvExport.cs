using System.Globalization;
using System.Text;
using System.Text.Json;
using nietras.SeparatedValues;

namespace Orchestrator.Server.Reports;

/// <summary>Activity records as CSV (UTF-8 with a byte-order mark), one row per activity execution.</summary>
public sealed class CsvExport(EventLogCases cases)
{
    /// <summary>The CSV columns: every member of <see cref="ActivityRecord"/> in declaration order, named in camelCase.</summary>
    public static readonly IReadOnlyList<System.Reflection.PropertyInfo> CsvColumns = typeof(ActivityRecord)
        .GetConstructors()[0].GetParameters()
        .Select(p => typeof(ActivityRecord).GetProperty(p.Name!)!)
        .ToList();

    public async Task WriteAsync(ReportFilter filter, Stream output, CancellationToken ct)
    {
        // A byte-order mark lets spreadsheet programs read the Japanese names as UTF-8.
        await using var body = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        // Sep writes synchronously; it writes into memory and each batch goes to the response asynchronously.
        var buffer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = CultureInfo.InvariantCulture }).To(buffer))
        {
            var names = CsvColumns.Select(c => JsonNamingPolicy.CamelCase.ConvertName(c.Name)).ToArray();
            var wroteHeader = false;
            await foreach (var (_, records) in cases.ReadAsync(filter, ct))
            {
                foreach (var r in records)
                {
                    using var row = csv.NewRow();
                    for (var i = 0; i < names.Length; i++)
                        row[names[i]].Set(CsvValue(CsvColumns[i].GetValue(r)));
                    wroteHeader = true;
                }
                csv.Flush();
                await body.WriteAsync(buffer.GetStringBuilder(), ct);
                buffer.GetStringBuilder().Clear();
            }
            if (!wroteHeader)
                await body.WriteLineAsync(string.Join(',', names));
        }
        await body.FlushAsync(ct);
    }

    private static string CsvValue(object? value) => value switch
    {
        null => "",
        DateTimeOffset at => EventLogCases.Time(at),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => ExportText.CsvCell(value.ToString() ?? ""),
    };
}
