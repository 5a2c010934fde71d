using Cronos;

namespace Orchestrator.Server.Hosting;

/// <summary>A cron expression as Hangfire reads it: five fields, or six with seconds first.</summary>
public static class CronText
{
    public static bool IsValid(string text)
    {
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6))
            return false;
        try
        {
            CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return true;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }
}
