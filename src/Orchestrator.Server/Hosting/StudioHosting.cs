using Microsoft.Extensions.FileProviders;

namespace Orchestrator.Server.Hosting;

/// <summary>Serves the built Studio at `/`, with the SPA fallback for its client-side routes.</summary>
public static class StudioHosting
{
    public static WebApplication MapStudio(this WebApplication app, ProductPaths paths)
    {
        // Unknown API routes are API errors, never the Studio page.
        app.MapFallback("/api/{**rest}", () => Problems.Status(StatusCodes.Status404NotFound, "API が見つかりません (no such API route)"))
            .AllowAnonymous();

        var dist = paths.Studio(app.Environment.ContentRootPath);
        if (!File.Exists(Path.Combine(dist, "index.html")))
        {
            app.Logger.LogWarning("Studio not built at {Path}; build the server (npm is run by the build) or run `npm run build` there", dist);
            app.MapFallback(() => Results.Text(
                "Orchestrator Studio is not built. Run `npm ci && npm run build` in src/Orchestrator.Studio.",
                "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable));
            return app;
        }

        var files = new PhysicalFileProvider(dist);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapFallbackToFile("index.html", new StaticFileOptions { FileProvider = files }).AllowAnonymous();
        return app;
    }
}
