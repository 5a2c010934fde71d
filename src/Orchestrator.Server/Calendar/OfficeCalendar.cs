using System.Globalization;
using System.Text.Json;

namespace Orchestrator.Server.Calendar;

/// <summary>`fixtures/calendar.json`, or a pilot's own calendar: opening hours in a time zone, and closed days.</summary>
public sealed record CalendarDocument(
    string? Description, string? TimeZone, string? OpensAt, string? ClosesAt, bool? YearEndClosure, IReadOnlyList<HolidayEntry>? Holidays);

public sealed record HolidayEntry(DateOnly Date, string? Name);

/// <summary>
/// When an office is open: working days (Monday to Friday, not a holiday, not the year-end closure 12/29–1/3) from
/// <see cref="OpensAt"/> to <see cref="ClosesAt"/> local time. Simulated clerks work only while it is open; reports
/// split waiting into business and off-hours time with it.
/// </summary>
public sealed class OfficeCalendar
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    private readonly HashSet<DateOnly> holidays;

    public OfficeCalendar(TimeZoneInfo zone, TimeOnly opensAt, TimeOnly closesAt, IEnumerable<DateOnly> holidays, bool yearEndClosure = true)
    {
        if (closesAt <= opensAt)
            throw new ArgumentException($"閉庁時刻 {closesAt} は開庁時刻 {opensAt} より後にしてください (closing must be after opening)");
        Zone = zone;
        OpensAt = opensAt;
        ClosesAt = closesAt;
        YearEndClosure = yearEndClosure;
        this.holidays = holidays.ToHashSet();
    }

    public TimeZoneInfo Zone { get; }
    public TimeOnly OpensAt { get; }
    public TimeOnly ClosesAt { get; }
    public bool YearEndClosure { get; }
    public IReadOnlyCollection<DateOnly> Holidays => holidays;

    /// <summary>Weekdays 8:30–17:15 in Asia/Tokyo with the given holidays (the programme's default office hours).</summary>
    public static OfficeCalendar Japan(IEnumerable<DateOnly>? holidays = null) =>
        new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), new TimeOnly(8, 30), new TimeOnly(17, 15), holidays ?? []);

    public static OfficeCalendar Load(string file)
    {
        var document = JsonSerializer.Deserialize<CalendarDocument>(File.ReadAllText(file), Json)
                       ?? throw new InvalidDataException($"{file} is empty");
        return From(document);
    }

    /// <summary>Missing members take the default office hours (Asia/Tokyo, 8:30–17:15, year-end closure).</summary>
    public static OfficeCalendar From(CalendarDocument document) => new(
        TimeZoneInfo.FindSystemTimeZoneById(document.TimeZone ?? "Asia/Tokyo"),
        ParseTime(document.OpensAt, new TimeOnly(8, 30)),
        ParseTime(document.ClosesAt, new TimeOnly(17, 15)),
        document.Holidays?.Select(h => h.Date) ?? [],
        document.YearEndClosure ?? true);

    private static TimeOnly ParseTime(string? text, TimeOnly fallback) =>
        string.IsNullOrWhiteSpace(text) ? fallback : TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture);

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !holidays.Contains(day)
        && !(YearEndClosure && ((day.Month == 12 && day.Day >= 29) || (day.Month == 1 && day.Day <= 3)));

    public bool IsOpen(DateTimeOffset at)
    {
        var local = Local(at);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return IsWorkingDay(DateOnly.FromDateTime(local.DateTime)) && time >= OpensAt && time < ClosesAt;
    }

    /// <summary><paramref name="at"/> itself when the office is open then, else the next opening (UTC).</summary>
    public DateTimeOffset NextOpen(DateTimeOffset at)
    {
        if (IsOpen(at))
            return at;
        var day = DateOnly.FromDateTime(Local(at).DateTime);
        for (var i = 0; i < 400; i++, day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
                continue;
            var opening = Instant(day, OpensAt);
            if (opening >= at)
                return opening;
        }
        throw new InvalidOperationException("カレンダーに 400 日以上開庁日がありません (no working day within 400 days)");
    }

    /// <summary>Open (business) time within [from, to).</summary>
    public TimeSpan OpenTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        var last = DateOnly.FromDateTime(Local(to).DateTime);
        for (var day = DateOnly.FromDateTime(Local(from).DateTime); day <= last; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
                continue;
            var start = Max(from, Instant(day, OpensAt));
            var end = Min(to, Instant(day, ClosesAt));
            if (end > start)
                total += end - start;
        }
        return total;
    }

    /// <summary>When work of <paramref name="work"/> that starts at <paramref name="start"/> ends, working only while open.</summary>
    public DateTimeOffset AddOpenTime(DateTimeOffset start, TimeSpan work)
    {
        var at = NextOpen(start);
        while (true)
        {
            var closing = Instant(DateOnly.FromDateTime(Local(at).DateTime), ClosesAt);
            var available = closing - at;
            if (work <= available)
                return at + work;
            work -= available;
            at = NextOpen(closing);
        }
    }

    private DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    private DateTimeOffset Instant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
