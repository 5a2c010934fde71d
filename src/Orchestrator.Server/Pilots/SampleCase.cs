using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Store;

namespace Orchestrator.Server.Pilots;

public static partial class SampleCase
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex ProcessKeyPattern();

    /// <summary>
    /// The first row of the case file a pilot names for the process, else of `fixtures/cases/&lt;processKey&gt;.csv`;
    /// null when there is none (or it cannot be read).
    /// </summary>
    public static async Task<SampleCaseView?> FindAsync(string processKey, AppDbContext db, ProductPaths paths, CancellationToken ct)
    {
        var configured = (await db.Pilots.AsNoTracking().OrderBy(p => p.CreatedAt).Select(p => p.ConfigurationJson).ToListAsync(ct))
            .SelectMany(json => PilotService.ConfigurationOf(json).Processes ?? [])
            .Where(p => p.ProcessKey == processKey && !string.IsNullOrWhiteSpace(p.CasesFile))
            .Select(p => p.CasesFile!);
        var conventional = ProcessKeyPattern().IsMatch(processKey) ? [$"fixtures/cases/{processKey}.csv"] : Array.Empty<string>();
        foreach (var file in configured.Concat(conventional))
        {
            if (CaseFiles.Problem(paths, file) is not null)
                continue;
            try
            {
                var rows = CaseSource.ReadCsv(CaseFiles.Resolve(paths, file));
                if (rows.Count > 0)
                    return new SampleCaseView(processKey, file, rows[0]);
            }
            catch (InvalidDataException)
            {
                // A file without the required columns offers no sample; the next one may.
            }
        }
        return null;
    }
}
