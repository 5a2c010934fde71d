using Orchestrator.Engine;
using Orchestrator.Server.Agencies;
using Polly;

namespace Orchestrator.Server.HttpWorkflows;

public static class HttpWorkflowSetup
{
    public const string ClientName = "workflow-http";

    public static IServiceCollection AddHttpWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new HttpWorkflowOptions();
        configuration.GetSection(HttpWorkflowOptions.Section).Bind(options);
        options.BasePath = "/" + options.BasePath.Trim('/');
        services.AddSingleton(options);
        services.AddScoped<HttpWorkflowRoutes>();
        services.AddSingleton<IHttpRequestSender, AllowListHttpSender>();
        services.AddHttpClient(ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            // A redirect could lead to a host that is not allowed.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddResilienceHandler(ClientName, pipeline => pipeline.AddRetry(AgencySetup.RetryPolicy(options.MaxRetries)));
        return services;
    }

    /// <summary>Every method under the base path; what answers is decided per request from the endpoints' bookmarks
    /// and the published definitions, each with its own authorization.</summary>
    public static IEndpointRouteBuilder MapHttpWorkflows(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<HttpWorkflowOptions>();
        app.Map(options.BasePath + "/{**path}", HttpWorkflowHandler.HandleAsync)
            .WithTags("HTTP workflows")
            .WithSummary("Requests to Elsa.HttpEndpoint activities: start a workflow whose trigger matches, or resume a waiting endpoint");
        return app;
    }
}
