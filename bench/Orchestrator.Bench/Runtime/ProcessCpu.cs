using System.Diagnostics;

namespace Orchestrator.Bench;

/// <summary>CPU time of processes from /proc: a server's, and PostgreSQL's (every process named postgres).</summary>
internal static class ProcessCpu
{
    /// <summary>utime + stime in seconds (clock ticks of 1/100 s).</summary>
    public static double Seconds(int pid)
    {
        try
        {
            var fields = File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].Split(' ');
            return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
        }
        catch (IOException)
        {
            return 0; // the process ended meanwhile
        }
    }

    /// <summary>The CPU time of every PostgreSQL process on the machine (the throwaway server's backends among them).</summary>
    public static double PostgresSeconds() => Process.GetProcessesByName("postgres").Sum(p => Seconds(p.Id));

    /// <summary>The machine's 1-minute load average: on a shared machine, what else competed for the two cores.</summary>
    public static double LoadAverage() => double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
}
