using System.Diagnostics;

namespace Orchestrator.Server.Tests.Foundation;

/// <summary>
/// Makes a folder refuse new files for real, until disposed. A normal user loses write permission on it; root ignores
/// permissions, so for root the folder is made immutable (chattr +i). Where neither is possible (root in a container
/// without that capability), the probe's own file name is taken by a folder, which the file system refuses to write
/// as a file. Each way is checked before the test relies on it.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReadOnlyFolder : IDisposable
{
    private readonly Action undo;

    private ReadOnlyFolder(Action undo) => this.undo = undo;

    public static ReadOnlyFolder Make(string folder, string probeFile)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            var mode = File.GetUnixFileMode(folder);
            File.SetUnixFileMode(folder, mode & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
            return Checked(folder, () => File.SetUnixFileMode(folder, mode));
        }
        if (Run("chattr", "+i", folder))
            return Checked(folder, () => Run("chattr", "-i", folder));
        Directory.CreateDirectory(probeFile);
        return new ReadOnlyFolder(() => Directory.Delete(probeFile));
    }

    public void Dispose() => undo();

    private static ReadOnlyFolder Checked(string folder, Action undo)
    {
        var attempt = Path.Combine(folder, "write-attempt");
        try
        {
            File.WriteAllText(attempt, "x");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ReadOnlyFolder(undo);
        }
        File.Delete(attempt);
        undo();
        throw new InvalidOperationException($"{folder} still accepts new files");
    }

    private static bool Run(string command, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
