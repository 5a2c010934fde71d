using System.Collections.Concurrent;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// Keeps one logger per category, as Microsoft's own logger factory does. Serilog's factory builds a new logger, with
/// caches of its own, on every call, and ASP.NET Core's authentication handlers are created per request and ask for a
/// logger each time.
/// </summary>
public sealed class LoggersPerCategory(ILoggerFactory factory) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => loggers.GetOrAdd(categoryName, factory.CreateLogger);

    public void AddProvider(ILoggerProvider provider) => factory.AddProvider(provider);

    public void Dispose() => factory.Dispose();

    /// <summary>Wraps the logger factory registered last (Serilog's, registered by <c>AddSerilog</c>).</summary>
    public static void Wrap(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        var create = registered.ImplementationFactory
            ?? throw new InvalidOperationException("The logger factory is expected to be registered through a factory method");
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(sp => new LoggersPerCategory((ILoggerFactory)create(sp)));
    }
}
