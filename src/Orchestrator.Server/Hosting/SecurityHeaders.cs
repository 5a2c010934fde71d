namespace Orchestrator.Server.Hosting;

/// <summary>
/// Response headers that keep pages from being framed, sniffed or fed scripts from elsewhere. The Studio runs under a
/// strict policy (its build has no inline script or style). The API reference page starts itself with an inline module
/// script and sets inline styles, as the job dashboard's scripts may, so those two paths allow inline code.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseOrchestratorSecurityHeaders(this IApplicationBuilder app)
    {
        static bool Tools(HttpContext http) =>
            http.Request.Path.StartsWithSegments("/scalar") || http.Request.Path.StartsWithSegments("/hangfire");
        var studio = Policy(inlineScripts: false);
        var tools = Policy(inlineScripts: true);
        return app
            .UseWhen(http => !Tools(http), branch => branch.UseSecurityHeaders(studio))
            .UseWhen(Tools, branch => branch.UseSecurityHeaders(tools));
    }

    private static HeaderPolicyCollection Policy(bool inlineScripts) =>
        new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                var scripts = csp.AddScriptSrc().Self();
                if (inlineScripts)
                    scripts.UnsafeInline();
                var styles = csp.AddStyleSrc().Self();
                if (inlineScripts)
                    styles.UnsafeInline();
                csp.AddImgSrc().Self().Data().Blob();
                csp.AddFontSrc().Self().Data();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            });
}
