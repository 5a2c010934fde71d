namespace Orchestrator.Server.Pilots;

/// <summary>One workflow instance a cycle will start: a case in one arm.</summary>
public sealed record PlannedInstance(int Ordinal, string ProcessKey, string Arm, PilotArmDefinition Definition, CaseRow Case);

/// <summary>
/// Decides a cycle's cases and their arms: for every process and municipality, <see cref="PilotConfiguration.CasesPerCycle"/>
/// cases from the case source, each run through both arms or assigned to one (alternately, at random with the design's
/// seed, or by municipality).
/// </summary>
public static class CyclePlanner
{
    public static IReadOnlyList<PlannedInstance> Plan(
        PilotConfiguration config, int cycleNumber, Func<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> readCases)
    {
        var design = config.EffectiveDesign;
        var source = config.EffectiveCaseSource;
        var planned = new List<PlannedInstance>();
        foreach (var process in config.Processes!)
        {
            var rows = readCases(process.CasesFile!);
            var fileName = Path.GetFileName(process.CasesFile!);
            foreach (var municipality in config.Municipalities!)
            {
                var cases = source.Kind == CaseSourceKind.Generator
                    ? CaseSource.Generate(rows, process.ProcessKey!, municipality, cycleNumber, config.CasesPerCycle, source.Seed ?? 1, fileName)
                    : CaseSource.FromCsv(rows, municipality, cycleNumber, config.CasesPerCycle, fileName);
                for (var i = 0; i < cases.Count; i++)
                {
                    foreach (var arm in ArmsOf(design, process.ProcessKey!, municipality, cycleNumber, i + (cycleNumber - 1) * config.CasesPerCycle))
                        planned.Add(new PlannedInstance(planned.Count, process.ProcessKey!, arm, arm == Arms.AsIs ? process.AsIs! : process.ToBe!, cases[i]));
                }
            }
        }
        return planned;
    }

    private static IEnumerable<string> ArmsOf(PilotDesign design, string processKey, string municipality, int cycleNumber, int caseNumber)
    {
        switch (design.Assignment)
        {
            case ArmAssignment.BothArms:
                yield return Arms.AsIs;
                yield return Arms.ToBe;
                break;
            case ArmAssignment.Alternate:
                yield return caseNumber % 2 == 0 ? Arms.AsIs : Arms.ToBe;
                break;
            case ArmAssignment.Random:
                var random = new Random(StableSeed.Of($"{design.Seed ?? 1}|{processKey}|{municipality}|{cycleNumber}|{caseNumber}"));
                yield return random.Next(2) == 0 ? Arms.AsIs : Arms.ToBe;
                break;
            case ArmAssignment.ByMunicipality:
                yield return design.ArmByMunicipality![municipality];
                break;
        }
    }
}
