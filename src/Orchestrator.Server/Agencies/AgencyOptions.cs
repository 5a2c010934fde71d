namespace Orchestrator.Server.Agencies;

/// <summary>The kinds of agency system the shipped processes talk to; each has a typed Refit interface.</summary>
public enum AgencyApi { ResidentRegistry, PensionOffice, ParkingCertificate, VehicleRegistration, VehicleTax, KosekiLink }

/// <summary>One registered agency system (連携先システム), configured under `Agencies:&lt;name&gt;`.</summary>
public sealed class AgencyEndpoint
{
    public AgencyApi Api { get; set; }
    public string OrgLevel { get; set; } = "Municipality";
    public string? OrgCode { get; set; }
    public string? BaseUrl { get; set; }
    public double TimeoutSeconds { get; set; } = 10;
    public int MaxRetries { get; set; } = 2;
    /// <summary>Header that carries our credentials to the agency, e.g. `X-Api-Key`.</summary>
    public string? CredentialsHeader { get; set; }
    public string? Credentials { get; set; }
    /// <summary>Secret the agency presents in `X-Agency-Secret` when it calls back.</summary>
    public string? CallbackSecret { get; set; }
    /// <summary>Events this agency may raise by callback; unset = the events of its API (<see cref="AgencyEvents"/>).</summary>
    public List<string>? CallbackEvents { get; set; }

    public IReadOnlyList<string> EffectiveCallbackEvents => CallbackEvents ?? AgencyEvents.Of(Api);
}

/// <summary>
/// The asynchronous decisions each kind of agency system sends back. A callback may resume only waits for its own
/// agency's events: with another agency's name it could otherwise decide that agency's step of a case.
/// </summary>
public static class AgencyEvents
{
    public static IReadOnlyList<string> Of(AgencyApi api) => api switch
    {
        AgencyApi.ResidentRegistry => ["MoveoutCertificateApproved"],
        AgencyApi.ParkingCertificate => ["ParkingCertificateApproved"],
        _ => [],
    };
}

public sealed class AgencyOptions
{
    public const string Section = "Agencies";

    public Dictionary<string, AgencyEndpoint> Systems { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Our own address as agencies reach it (`AgencyCallbacks:BaseUrl`). When set, each call tells the agency where to
    /// send its later decision: X-Callback-Url, X-Correlation-Id (the case) and X-Callback-Secret.
    /// </summary>
    public string? CallbackBaseUrl { get; set; }
}
