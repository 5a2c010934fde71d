using Microsoft.Playwright;

namespace Orchestrator.E2E.Tests;

/// <summary>One server and one Debian chromium for the browser tests of a class.</summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>Whether the server starts as a first start of the product does, with the demo pilots.</summary>
    protected virtual bool DemoPilots => false;

    private IPlaywright? playwright;

    public ServerProcess Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots are test artefacts: the README walkthrough uses them.</summary>
    public static string ScreenshotDirectory => Path.Combine(ServerProcess.RepositoryRoot(), "tests", "screenshots");

    public async Task InitializeAsync()
    {
        Server = await ServerProcess.StartAsync(DemoPilots);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            // Without these, chromium keeps reaching for hosts this machine's closed network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            Locale = "ja-JP",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}

/// <summary>The product as a newcomer first starts it: demo pilots included.</summary>
public sealed class DemoBrowserFixture : BrowserFixture
{
    protected override bool DemoPilots => true;
}
