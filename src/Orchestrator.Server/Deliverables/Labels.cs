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
}
