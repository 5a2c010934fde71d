using Microsoft.AspNetCore.Mvc;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// One feature's exception as the problem details a client can act on. Features register theirs in their own
/// AddXxx(), so that the exception handler, a floor below them, names none of them.
/// </summary>
public sealed class ProblemMapping(Func<Exception, ProblemDetails?> map)
{
    public ProblemDetails? Map(Exception exception) => map(exception);
}

public static class ProblemMappings
{
    public static IServiceCollection AddProblem<TException>(this IServiceCollection services, Func<TException, ProblemDetails?> map)
        where TException : Exception =>
        services.AddSingleton(new ProblemMapping(e => e is TException exception ? map(exception) : null));

    public static ProblemDetails Problem(int status, string title, string? detail, params (string Key, object Value)[] extensions)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions)
            problem.Extensions[key] = value;
        return problem;
    }
}
