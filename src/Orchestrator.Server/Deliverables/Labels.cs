using Orchestrator.Server.Agencies;

namespace Orchestrator.Server.Deliverables;

/// <summary>The Japanese words the documents use for levels, lanes, agency systems and provenance.</summary>
public static class Labels
{
    public static string Level(string? level) => level switch
    {
        "Resident" => "住民",
        "Municipality" => "市町村",
        "Prefecture" => "都道府県",
        "National" => "国",
        "System" => "システム",
        _ => "—",
    };

    public static string Of(Lane lane) => Level(lane.ToString());

    public static string Agency(AgencyApi api) => api switch
    {
        AgencyApi.ResidentRegistry => "住民記録システム",
        AgencyApi.PensionOffice => "年金事務所のシステム",
        AgencyApi.ParkingCertificate => "警察の保管場所証明システム",
        AgencyApi.VehicleRegistration => "自動車登録システム",
        AgencyApi.VehicleTax => "自動車税のシステム",
        AgencyApi.KosekiLink => "戸籍情報連携システム",
        _ => "連携先システム",
    };

    public static string Source(Hosting.Provenance provenance) => provenance switch
    {
        Hosting.Provenance.Measured => "実測",
        Hosting.Provenance.Published => "公表",
        _ => "推計",
    };

    /// <summary>An inventory figure's source, or a dash when the inventory has no value (an unsourced value is an estimate).</summary>
    public static string Source(Inventory.Figure? figure) =>
        figure?.Value is null ? "—" : Source(figure.Source ?? Hosting.Provenance.Estimated);

    /// <summary>What a reported figure rests on: one word when all its cases agree, else each source with its share.</summary>
    public static string Shares(Reports.ProvenanceShares? shares)
    {
        var parts = new[] { ("実測", shares?.Measured ?? 0), ("公表", shares?.Published ?? 0), ("推計", shares?.Estimate ?? 0), ("シミュレーション", shares?.Simulated ?? 0) }
            .Where(p => p.Item2 >= 0.005).ToList();
        return parts.Count switch
        {
            0 => "—",
            1 => parts[0].Item1,
            _ => string.Join("・", parts.Select(p => $"{p.Item1} {(p.Item2 * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture)}%")),
        };
    }

    /// <summary>Several figures' sources in one cell: the one word when they agree, else each figure with its own.</summary>
    public static string Sources(params (string Figure, string Source)[] sources)
    {
        var known = sources.Where(s => s.Source != "—").ToList();
        return known.Select(s => s.Source).Distinct().Count() switch
        {
            0 => "—",
            1 => known[0].Source,
            _ => string.Join("、", known.Select(s => $"{s.Figure}: {s.Source}")),
        };
    }
}
