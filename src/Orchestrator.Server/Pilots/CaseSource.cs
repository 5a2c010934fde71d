using System.Globalization;
using nietras.SeparatedValues;

namespace Orchestrator.Server.Pilots;

/// <summary>One synthetic case: its key, its municipality and the workflow input (every column of its row, as text).</summary>
public sealed record CaseRow(string CaseKey, string MunicipalityCode, IReadOnlyDictionary<string, string> Values);

/// <summary>
/// Where a cycle's cases come from. A case file (`fixtures/cases/&lt;process&gt;.csv`: header row, `caseId` and
/// `municipalityCode` columns) is read in order: cycle n takes the next rows of each municipality, starting over at
/// the end. The generator takes the same file's rows of the municipality as templates and gives each case a new
/// identity (case key, resident id, fictional name, birth date) from a seeded random, so it never runs out.
/// </summary>
public static class CaseSource
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadCsv(string path)
    {
        using var csv = Sep.New(',').Reader(o => o with { Trim = SepTrim.All, Unescape = true }).FromFile(path);
        var header = csv.Header.ColNames;
        foreach (var required in new[] { "caseId", "municipalityCode" })
        {
            if (!header.Contains(required))
                throw new InvalidDataException($"{Path.GetFileName(path)}: 列 '{required}' がありません (column '{required}' is missing)");
        }
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (var row in csv)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
                values[header[i]] = row[i].ToString();
            rows.Add(values);
        }
        return rows;
    }

    /// <summary>The <paramref name="count"/> rows of <paramref name="municipality"/> for cycle <paramref name="cycleNumber"/> (1-based).</summary>
    public static IReadOnlyList<CaseRow> FromCsv(
        IReadOnlyList<IReadOnlyDictionary<string, string>> rows, string municipality, int cycleNumber, int count, string fileName)
    {
        var own = rows.Where(r => r["municipalityCode"] == municipality).ToList();
        if (own.Count == 0)
            throw new InvalidDataException($"{fileName}: 市町村 {municipality} の案件がありません (no cases for this municipality)");
        var start = (long)(cycleNumber - 1) * count;
        return Enumerable.Range(0, count)
            .Select(i => own[(int)((start + i) % own.Count)])
            .Select(r => new CaseRow(r["caseId"], municipality, r))
            .ToList();
    }

    private static readonly string[] FamilyNames = ["青木", "石田", "上野", "大森", "川辺", "北川", "小池", "坂本", "高野", "田村", "中井", "西村", "野原", "浜田", "平野", "松本", "森下", "山野"];
    private static readonly string[] GivenNames = ["彩", "一郎", "和也", "健太", "幸子", "聡", "大輔", "太郎", "直樹", "花子", "真理", "美咲", "由美", "葉子", "涼", "和子"];

    public static IReadOnlyList<CaseRow> Generate(
        IReadOnlyList<IReadOnlyDictionary<string, string>> templates, string processKey, string municipality, int cycleNumber, int count, int seed,
        string fileName)
    {
        var own = templates.Where(r => r["municipalityCode"] == municipality).ToList();
        if (own.Count == 0)
            throw new InvalidDataException($"{fileName}: 市町村 {municipality} のひな形となる案件がありません (no template cases for this municipality)");
        var random = new Random(StableSeed.Of($"{seed}|{processKey}|{municipality}|{cycleNumber}"));
        var cases = new List<CaseRow>(count);
        for (var i = 1; i <= count; i++)
        {
            var values = new Dictionary<string, string>(own[random.Next(own.Count)], StringComparer.Ordinal);
            var key = $"GEN-{municipality}-{cycleNumber:D4}-{i:D5}";
            values["caseId"] = key;
            if (values.ContainsKey("residentId"))
                values["residentId"] = $"TEST-GEN-{municipality}-{cycleNumber:D4}{i:D5}";
            if (values.ContainsKey("name"))
                values["name"] = $"架空 {FamilyNames[random.Next(FamilyNames.Length)]} {GivenNames[random.Next(GivenNames.Length)]}";
            if (values.ContainsKey("birthDate"))
                values["birthDate"] = new DateOnly(1930, 1, 1).AddDays(random.Next(365 * 75)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            cases.Add(new CaseRow(key, municipality, values));
        }
        return cases;
    }
}

/// <summary>Seeds derived from text: string.GetHashCode and HashCode differ between runs, a seed must not.</summary>
public static class StableSeed
{
    public static int Of(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
                hash = (hash ^ c) * 16777619;
            return hash;
        }
    }
}
