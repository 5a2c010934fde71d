using System.Net;

namespace Orchestrator.Server.Demo;

public static class DemoBinding
{
    /// <summary>Demo accounts share a published password, so a demo server must not be reachable from the network.</summary>
    public static void EnsureLoopbackOnly(string? urls)
    {
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var host = new Uri(url.Replace("*", "0.0.0.0").Replace("+", "0.0.0.0")).Host;
            var loopback = host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
            if (!loopback)
                throw new InvalidOperationException(
                    $"Demo mode binds to loopback only, but Urls contains '{url}'. Use http://127.0.0.1:<port>, or set Demo:Enabled=false.");
        }
    }
}
