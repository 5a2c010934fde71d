using System.Text;

namespace Orchestrator.Server.Hosting;

public static class RequestBody
{
    /// <summary>
    /// Kestrel's limit for any request body (its own default is 30 MB); the largest body a route takes is a 2 MB
    /// definition. `Kestrel:Limits:MaxRequestBodySize` changes it.
    /// </summary>
    public const long DefaultLimit = 4 * 1024 * 1024;

    /// <summary>Reads the body as text, refusing more than <paramref name="limit"/> bytes (413), even when chunked.</summary>
    public static async Task<string> ReadTextAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        using var buffer = await ReadAsync(request, limit, ct);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads the body into memory, refusing more than <paramref name="limit"/> bytes (413), even when chunked.</summary>
    public static async Task<MemoryStream> ReadAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
            throw new BodyTooLargeException(limit);
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
                throw new BodyTooLargeException(limit);
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }
}
