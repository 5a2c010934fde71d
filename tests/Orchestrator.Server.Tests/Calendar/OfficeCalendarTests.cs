using Orchestrator.Server.Calendar;

namespace Orchestrator.Server.Tests.Calendar;

public sealed class OfficeCalendarTests
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Jst);

    // 2026-11-23 (Mon) is 勤労感謝の日.
    private static readonly OfficeCalendar Office = OfficeCalendar.Japan([new DateOnly(2026, 11, 23)]);

    [Fact]
    public void The_office_is_open_on_weekdays_from_8_30_to_17_15_and_closed_on_weekends_holidays_and_at_year_end()
    {
        Assert.True(Office.IsOpen(At(11, 20, 8, 30)));   // Friday, opening
        Assert.False(Office.IsOpen(At(11, 20, 17, 15))); // Friday, closing
        Assert.False(Office.IsOpen(At(11, 20, 8, 29)));
        Assert.False(Office.IsOpen(At(11, 21, 10)));     // Saturday
        Assert.False(Office.IsOpen(At(11, 23, 10)));     // holiday
        Assert.False(Office.IsOpen(At(12, 29, 10)));     // year-end closure (Tuesday)
        Assert.True(Office.IsOpen(At(11, 24, 10)));
    }

    [Fact]
    public void Friday_17_00_to_Tuesday_9_00_over_a_Monday_holiday_has_fifteen_business_minutes_on_Friday_and_thirty_on_Tuesday()
    {
        Assert.Equal(TimeSpan.FromMinutes(15 + 30), Office.OpenTimeBetween(At(11, 20, 17), At(11, 24, 9)));
        Assert.Equal(At(11, 24, 8, 30), Office.NextOpen(At(11, 20, 17, 15)));
    }

    [Fact]
    public void Work_that_does_not_fit_before_closing_continues_at_the_next_opening()
    {
        // 30 minutes from Friday 17:00: 15 before closing, 15 after Tuesday's opening (Monday is a holiday).
        Assert.Equal(At(11, 24, 8, 45), Office.AddOpenTime(At(11, 20, 17), TimeSpan.FromMinutes(30)));
        // Started at night, work begins at the next opening.
        Assert.Equal(At(11, 25, 9, 0), Office.AddOpenTime(At(11, 24, 22), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void The_fixture_calendar_loads_with_its_holidays()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Orchestrator.sln")))
            root = Path.GetDirectoryName(root)!;
        var calendar = OfficeCalendar.Load(Path.Combine(root, "fixtures", "calendar.json"));

        Assert.Contains(new DateOnly(2026, 11, 23), calendar.Holidays);
        Assert.Equal(new TimeOnly(8, 30), calendar.OpensAt);
        Assert.False(calendar.IsOpen(At(11, 23, 10)));
    }
}
