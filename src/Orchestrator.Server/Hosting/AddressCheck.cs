using System.Net;
using System.Net.Sockets;

namespace Orchestrator.Server.Hosting;

/// <summary>
/// Whether the addresses the server is to listen on are free, asked before anything is created or seeded: a port in
/// use otherwise ended the first start with Kestrel's 30-line stack trace after the data folder had been filled.
/// </summary>
public static class AddressCheck
{
    /// <summary>One line naming the address that is taken and the command to use another, or null when all are free.</summary>
    public static string? Taken(string? urls)
    {
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("*", "0.0.0.0").Replace("+", "0.0.0.0"), UriKind.Absolute, out var uri))
                continue;
            var host = uri.Host.Trim('[', ']');
            var address = host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host, out var ip) ? ip : null;
            if (address is null || InUse(address, uri.Port) is false)
                continue;
            var other = $"{uri.Scheme}://{(host == "localhost" ? "127.0.0.1" : uri.Host)}:{(uri.Port == 5081 ? 5082 : 5081)}";
            return $"{url} は他のプログラムが使っています (address in use). 別のアドレスで起動するには (to use another): " +
                $"dotnet run --project src/Orchestrator.Server -- --Urls={other}";
        }
        return null;
    }

    private static bool InUse(IPAddress address, int port)
    {
        try
        {
            using var listener = new TcpListener(address, port);
            listener.Start();
            listener.Stop();
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            // Not ours to judge (an address this machine lacks): Kestrel says what is wrong.
            return false;
        }
    }
}
