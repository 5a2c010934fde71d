using Orchestrator.Server.Hosting;

namespace Orchestrator.Server.Auth;

/// <summary>
/// Refuses state-changing requests that a browser sends on behalf of another origin. A cookie travels with any request
/// the browser makes to this site, including a form or fetch from a page of another origin on the same site (another
/// port, a sibling host), where SameSite=Lax does not help; the browser says where a request comes from in
/// Sec-Fetch-Site, or failing that in Origin. Requests with a bearer token are not affected: a page of another origin
/// cannot add one. Clients that send neither header are not browsers acting for a page, and pass.
/// </summary>
public static class CrossSiteRequestGuard
{
    public static IApplicationBuilder UseCrossSiteRequestGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (IsCrossOriginWrite(http.Request))
        {
            await Problems.Status(StatusCodes.Status403Forbidden, "他のサイトからの変更要求は受け付けません (cross-origin request refused)",
                "Send the request from the Studio's own origin, or authenticate with a bearer token.").ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    public static bool IsCrossOriginWrite(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || AuthSetup.HasBearerToken(request))
            return false;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
            return site is not ("same-origin" or "none");
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
            return false;
        // Compared by host and port only: behind a TLS proxy the request's own scheme is http while the page's is https.
        return !Uri.TryCreate(origin, UriKind.Absolute, out var from)
            || !string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
