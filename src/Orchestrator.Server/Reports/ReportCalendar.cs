using System.Security.Cryptography;
using System.Text;
using Orchestrator.Server.Calendar;
using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Reports;

/// <summary>The office calendar the reports use, and a key of its content so stored business hours follow a change.</summary>
public sealed class ReportCalendar
{
    public ReportCalendar(OfficeCalendar calendar, string key, string source)
    {
        Calendar = calendar;
        Key = key;
        Source = source;
    }

    public OfficeCalendar Calendar { get; }
    public string Key { get; }
    public string Source { get; }

    public static ReportCalendar Load(ProductPaths paths, ReportOptions options)
    {
        var file = Path.GetFullPath(Path.Combine(paths.Root, options.CalendarFile));
        var text = File.ReadAllText(file);
        var document = System.Text.Json.JsonSerializer.Deserialize<CalendarDocument>(text, OfficeCalendar.Json)
                       ?? throw new InvalidDataException($"{file} is empty");
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        return new ReportCalendar(OfficeCalendar.From(document), key, Path.GetRelativePath(paths.Root, file).Replace('\\', '/'));
    }
}
