using System.Text.Json.Nodes;
using Refit;

namespace Orchestrator.Server.Agencies;

// Typed clients for the agency systems. Bodies and responses stay JSON: the workflow maps them from and into its
// variables, so the server does not fix their schema beyond what each call needs.

/// <summary>住民基本台帳システム of a municipality.</summary>
public interface IResidentRegistryApi
{
    [Get("/residents/{residentId}")]
    Task<IApiResponse<JsonNode>> GetResident(string residentId, CancellationToken ct);

    /// <summary>転出証明書情報の送付 to the municipality the resident moves to.</summary>
    [Post("/moveout-certificates")]
    Task<IApiResponse<JsonNode>> SendMoveOutCertificate([Body] JsonNode certificate, [Header("Idempotency-Key")] string? idempotencyKey, CancellationToken ct);

    [Get("/moveout-certificates/{transferId}")]
    Task<IApiResponse<JsonNode>> GetMoveOutCertificate(string transferId, CancellationToken ct);
}

/// <summary>年金事務所: death notifications.</summary>
public interface IPensionOfficeApi
{
    [Post("/death-notifications")]
    Task<IApiResponse<JsonNode>> SendDeathNotification([Body] JsonNode notification, [Header("Idempotency-Key")] string? idempotencyKey, CancellationToken ct);
}

/// <summary>警察署: parking certificates (車庫証明).</summary>
public interface IParkingCertificateApi
{
    [Post("/parking-certificates")]
    Task<IApiResponse<JsonNode>> Apply([Body] JsonNode application, [Header("Idempotency-Key")] string? idempotencyKey, CancellationToken ct);

    [Get("/parking-certificates/{applicationId}")]
    Task<IApiResponse<JsonNode>> Get(string applicationId, CancellationToken ct);
}

/// <summary>運輸支局: vehicle registration.</summary>
public interface IVehicleRegistrationApi
{
    [Post("/registrations")]
    Task<IApiResponse<JsonNode>> Register([Body] JsonNode registration, [Header("Idempotency-Key")] string? idempotencyKey, CancellationToken ct);
}

/// <summary>県税事務所: vehicle tax.</summary>
public interface IVehicleTaxApi
{
    [Post("/vehicle-tax-filings")]
    Task<IApiResponse<JsonNode>> File([Body] JsonNode filing, [Header("Idempotency-Key")] string? idempotencyKey, CancellationToken ct);
}

/// <summary>
/// 戸籍情報連携: the 外務省–法務省 linkage that confirms an applicant's family-register facts with the applicant's
/// consent, in place of a paper 戸籍謄本. 404 = no matching register.
/// </summary>
public interface IKosekiLinkApi
{
    [Post("/koseki-confirmations")]
    Task<IApiResponse<JsonNode>> ConfirmFacts([Body] JsonNode request, [Header("Idempotency-Key")] string? idempotencyKey, CancellationToken ct);
}

/// <summary>An AgencyCall's request as the workflow evaluated it.</summary>
public sealed record AgencyRequest(JsonObject Payload, string? IdempotencyKey)
{
    public string Require(string name) =>
        Payload[name]?.ToString() is { Length: > 0 } value
            ? value
            : throw new AgencyRequestException($"payload.{name} is required for this operation");
}

/// <summary>The operations an AgencyCall can name, per API, and how each maps onto the typed client.</summary>
public static class AgencyOperations
{
    private delegate Task<IApiResponse<JsonNode>> Call(IServiceProvider services, string agency, AgencyRequest request, CancellationToken ct);

    private static readonly IReadOnlyDictionary<(AgencyApi, string), Call> Calls = new Dictionary<(AgencyApi, string), Call>
    {
        [(AgencyApi.ResidentRegistry, "GetResident")] = (s, a, r, ct) => Client<IResidentRegistryApi>(s, a).GetResident(r.Require("residentId"), ct),
        [(AgencyApi.ResidentRegistry, "SendMoveOutCertificate")] = (s, a, r, ct) => Client<IResidentRegistryApi>(s, a).SendMoveOutCertificate(r.Payload, r.IdempotencyKey, ct),
        [(AgencyApi.ResidentRegistry, "GetMoveOutCertificate")] = (s, a, r, ct) => Client<IResidentRegistryApi>(s, a).GetMoveOutCertificate(r.Require("transferId"), ct),
        [(AgencyApi.PensionOffice, "SendDeathNotification")] = (s, a, r, ct) => Client<IPensionOfficeApi>(s, a).SendDeathNotification(r.Payload, r.IdempotencyKey, ct),
        [(AgencyApi.ParkingCertificate, "Apply")] = (s, a, r, ct) => Client<IParkingCertificateApi>(s, a).Apply(r.Payload, r.IdempotencyKey, ct),
        [(AgencyApi.ParkingCertificate, "Get")] = (s, a, r, ct) => Client<IParkingCertificateApi>(s, a).Get(r.Require("applicationId"), ct),
        [(AgencyApi.VehicleRegistration, "Register")] = (s, a, r, ct) => Client<IVehicleRegistrationApi>(s, a).Register(r.Payload, r.IdempotencyKey, ct),
        [(AgencyApi.KosekiLink, "ConfirmFacts")] = (s, a, r, ct) => Client<IKosekiLinkApi>(s, a).ConfirmFacts(r.Payload, r.IdempotencyKey, ct),
        [(AgencyApi.VehicleTax, "File")] = (s, a, r, ct) => Client<IVehicleTaxApi>(s, a).File(r.Payload, r.IdempotencyKey, ct),
    };

    public static bool Exists(AgencyApi api, string operation) => Calls.ContainsKey((api, operation));

    public static IEnumerable<string> Of(AgencyApi api) => Calls.Keys.Where(k => k.Item1 == api).Select(k => k.Item2);

    public static Task<IApiResponse<JsonNode>> InvokeAsync(
        IServiceProvider services, string agency, AgencyApi api, string operation, AgencyRequest request, CancellationToken ct) =>
        Calls.TryGetValue((api, operation), out var call)
            ? call(services, agency, request, ct)
            : throw new AgencyRequestException($"operation '{operation}' is not one of {string.Join(", ", Of(api))}");

    private static T Client<T>(IServiceProvider services, string agency) where T : notnull => services.GetRequiredKeyedService<T>(agency);
}
