namespace Orchestrator.Bench;

/// <summary>CPU time of processes from /proc: a server's, and a PostgreSQL server's (its postmaster and backends).</summary>
internal static class ProcessCpu
{
    /// <summary>utime + stime in seconds (clock ticks of 1/100 s).</summary>
    public static double Seconds(int pid) => Stat(pid) is { } fields ? Ticks(fields, 11) + Ticks(fields, 12) : 0;

    /// <summary>
    /// The CPU time of one PostgreSQL server: its postmaster, the backends it runs now, and those that ended (whose
    /// time the postmaster collected when it reaped them). Other clusters on the machine are not counted.
    /// </summary>
    public static double ClusterSeconds(int postmaster)
    {
        if (Stat(postmaster) is not { } own)
            return 0;
        var seconds = Ticks(own, 11) + Ticks(own, 12) + Ticks(own, 13) + Ticks(own, 14);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Stat(pid) is { } fields && fields[1] == postmaster.ToString())
                seconds += Ticks(fields, 11) + Ticks(fields, 12);
        }
        return seconds;
    }

    /// <summary>The parent of a process (a backend's is its postmaster).</summary>
    public static int Parent(int pid) => int.Parse(Stat(pid)?[1] ?? throw new InvalidOperationException($"no process {pid}"));

    /// <summary>The machine's 1-minute load average: on a shared machine, what else competed for the two cores.</summary>
    public static double LoadAverage() => double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The fields of /proc/pid/stat after the command name (state is 0, ppid 1, utime 11 …); null once it ended.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static double Ticks(string[] fields, int index) => long.Parse(fields[index]) / 100.0;
}
