using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace Orchestrator.Server.Tests.Foundation;

/// <summary>
/// Hangfire's job client in front of a job storage whose disk is full: while <see cref="Refusing"/>, every job it is
/// asked to create or change fails the way Hangfire reports a storage failure. The host's own client does the rest.
/// </summary>
public sealed class RefusingJobClient(IBackgroundJobClient inner) : IBackgroundJobClient
{
    public volatile bool Refusing;

    public string Create(Job job, IState state) => Refusing ? throw Full() : inner.Create(job, state);

    public bool ChangeState(string jobId, IState state, string expectedState) =>
        Refusing ? throw Full() : inner.ChangeState(jobId, state, expectedState);

    private static BackgroundJobClientException Full() =>
        new("Background job creation failed. See inner exception for details.", new IOException("database or disk is full"));

    /// <summary>Puts the refusing client in front of the host's own.</summary>
    public static void Install(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IBackgroundJobClient));
        services.Remove(original);
        services.AddSingleton(sp => new RefusingJobClient((IBackgroundJobClient)(original.ImplementationInstance
            ?? original.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!))));
        services.AddSingleton<IBackgroundJobClient>(sp => sp.GetRequiredService<RefusingJobClient>());
    }
}
