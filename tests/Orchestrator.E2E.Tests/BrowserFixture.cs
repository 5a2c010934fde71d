using Microsoft.Playwright;

namespace Orchestrator.E2E.Tests;

/// <summary>A server and the run's chromium for the browser tests of a class; pages it opens close with the class.</summary>
public abstract class BrowserFixture(Chromium chromium) : IAsyncLifetime
{
    private readonly List<IBrowserContext> contexts = [];

    public ServerProcess Server { get; private set; } = null!;
    public IBrowser Browser => chromium.Browser;

    /// <summary>Screenshots are test artefacts: the README walkthrough uses them.</summary>
    public static string ScreenshotDirectory => Path.Combine(ServerProcess.RepositoryRoot(), "tests", "screenshots");

    protected abstract Task<ServerProcess> StartServerAsync();

    public async Task InitializeAsync() => Server = await StartServerAsync();

    /// <summary>A page in a browser context of its own (no cookies), in Japanese, on the server.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            Locale = "ja-JP",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        lock (contexts) contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Closes the class's pages, which would otherwise keep polling the server while later classes run.</summary>
    public virtual async Task DisposeAsync()
    {
        IBrowserContext[] open;
        lock (contexts) open = [.. contexts];
        foreach (var context in open)
            await context.CloseAsync();
    }
}
