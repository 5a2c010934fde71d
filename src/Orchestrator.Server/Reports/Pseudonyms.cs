using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Server.Reports;

/// <summary>Stable pseudonyms for clerks in reports and exports: a salted SHA-256 of the user id, never a name.</summary>
public sealed class Pseudonyms(ReportOptions options)
{
    public string Of(string? userId)
    {
        if (string.IsNullOrEmpty(userId))
            return "unknown";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(options.PseudonymSalt + "\n" + userId));
        return "clerk-" + Convert.ToHexStringLower(hash)[..10];
    }
}
