namespace Orchestrator.Server.Inventory;

public static class InventorySetup
{
    public static IServiceCollection AddInventory(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<InventoryOptions>(configuration.GetSection(InventoryOptions.Section));
        services.AddScoped<InventoryService>();
        services.AddScoped<PriorityService>();
        // Registered after the startup initializer, so it runs once the store is migrated.
        services.AddHostedService<InventoryDemo>();
        return services;
    }

    public static RouteGroupBuilder MapInventoryEndpoints(this RouteGroupBuilder api)
    {
        var inventory = api.MapGroup("/inventory").WithTags("Inventory");
        inventory.MapCatalogueEndpoints();
        inventory.MapPriorityEndpoints();
        return api;
    }
}
