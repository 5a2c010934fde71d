using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Orchestrator.Server.Instances;
using Polly;
using Refit;

namespace Orchestrator.Server.Agencies;

public static class AgencySetup
{
    /// <summary>One keyed Refit client per configured agency, each on its own named HttpClient with retries.</summary>
    public static IServiceCollection AddAgencies(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new AgencyOptions();
        configuration.GetSection(AgencyOptions.Section).Bind(options.Systems);
        options.CallbackBaseUrl = configuration["AgencyCallbacks:BaseUrl"];
        services.AddSingleton(options);
        services.AddSingleton<AttemptTracker>();
        services.AddTransient<AttemptCountingHandler>();
        services.AddScoped<AgencyCallJob>();
        services.AddScoped<IAgencyCallQueue, AgencyCallQueue>();
        services.AddScoped<IBurstObserver, HandoffObserver>();
        services.AddScoped<IInstanceRows, HandoffRows>();

        var refit = new RefitSettings(new SystemTextJsonContentSerializer());
        foreach (var (name, endpoint) in options.Systems)
        {
            var client = endpoint.Api switch
            {
                AgencyApi.ResidentRegistry => services.AddKeyedRefitGeneratedClient<IResidentRegistryApi>(name, refit),
                AgencyApi.PensionOffice => services.AddKeyedRefitGeneratedClient<IPensionOfficeApi>(name, refit),
                AgencyApi.ParkingCertificate => services.AddKeyedRefitGeneratedClient<IParkingCertificateApi>(name, refit),
                AgencyApi.VehicleRegistration => services.AddKeyedRefitGeneratedClient<IVehicleRegistrationApi>(name, refit),
                AgencyApi.VehicleTax => services.AddKeyedRefitGeneratedClient<IVehicleTaxApi>(name, refit),
                AgencyApi.KosekiLink => services.AddKeyedRefitGeneratedClient<IKosekiLinkApi>(name, refit),
                _ => throw new InvalidOperationException($"Agencies:{name}:Api '{endpoint.Api}' is not supported"),
            };
            client.ConfigureHttpClient(http =>
                {
                    if (endpoint.BaseUrl is { Length: > 0 } url)
                        http.BaseAddress = new Uri(url);
                    // The call's own deadline (AgencyCall timeout) governs; the client must not cut it shorter.
                    http.Timeout = Timeout.InfiniteTimeSpan;
                    if (endpoint.CredentialsHeader is { Length: > 0 } header && endpoint.Credentials is { } credentials)
                        http.DefaultRequestHeaders.TryAddWithoutValidation(header, credentials);
                });
            client.AddResilienceHandler($"agency-{name}", pipeline => pipeline.AddRetry(RetryPolicy(endpoint.MaxRetries)));
            // Added after the retry handler, so it runs inside it and sees every attempt.
            client.AddHttpMessageHandler<AttemptCountingHandler>();
        }
        return services;
    }

    /// <summary>
    /// Retries 5xx, 408 and transport failures, but only for requests that are safe to repeat: GET/HEAD, or a request
    /// that carries an Idempotency-Key the agency uses to drop duplicates. A POST without one is sent exactly once.
    /// </summary>
    public static HttpRetryStrategyOptions RetryPolicy(int maxRetries) => new()
    {
        MaxRetryAttempts = Math.Max(1, maxRetries),
        Delay = TimeSpan.FromMilliseconds(200),
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldHandle = args =>
        {
            if (maxRetries <= 0 || args.Context.GetRequestMessage() is not { } request || !IsRepeatable(request))
                return ValueTask.FromResult(false);
            var transient = args.Outcome switch
            {
                { Exception: HttpRequestException } => true,
                { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
                _ => false,
            };
            return ValueTask.FromResult(transient);
        },
    };

    private static bool IsRepeatable(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head
        // Refit sends the header even when the key is null: only a real key makes a POST repeatable.
        || (request.Headers.TryGetValues("Idempotency-Key", out var keys) && keys.Any(k => !string.IsNullOrWhiteSpace(k)));
}

/// <summary>
/// The agency call running in the current async flow: counts its attempts (retries included) and carries the
/// callback headers the handler adds to each attempt.
/// </summary>
public sealed class AttemptTracker
{
    private readonly AsyncLocal<AttemptLog?> current = new();

    public AttemptLog Begin(IReadOnlyDictionary<string, string>? headers = null) =>
        current.Value = new AttemptLog { Headers = headers ?? new Dictionary<string, string>() };

    public AttemptLog? Current => current.Value;

    public void Count(bool failed)
    {
        if (current.Value is { } log)
        {
            Interlocked.Increment(ref log.Attempts);
            if (failed) Interlocked.Increment(ref log.Failures);
        }
    }
}

public sealed class AttemptLog
{
    public int Attempts;
    public int Failures;
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}

/// <summary>Sits inside the retry handler, so it sees (and labels) every attempt.</summary>
public sealed class AttemptCountingHandler(AttemptTracker tracker) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        foreach (var (name, value) in tracker.Current?.Headers ?? new Dictionary<string, string>())
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }
        try
        {
            var response = await base.SendAsync(request, ct);
            tracker.Count(failed: (int)response.StatusCode >= 500);
            return response;
        }
        catch
        {
            tracker.Count(failed: true);
            throw;
        }
    }
}
