using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.E2E.Tests;

/// <summary>Helpers the Studio's browser tests share: signing in, and measuring what a reader sees on the canvas.</summary>
public static class StudioUx
{
    public static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("ユーザー名").FillAsync(userName);
        await page.GetByLabel("パスワード").FillAsync(ServerProcess.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        // The password is checked at the product's full hashing cost, and the demo server may be running its first cycles:
        // a run at load average 10 waited more than the default 5 s here, still on the sign-in page.
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    /// <summary>
    /// The smallest text on the diagram as it appears on screen, in CSS pixels: each text's font size times the canvas's
    /// scale, over every card and connection label. Waits until the cards are measured and the view has settled.
    /// </summary>
    public static async Task<double> SmallestTextOnScreenAsync(IPage page)
    {
        await Expect(page.Locator(".react-flow__node-activity").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        double previous = -1;
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var smallest = await page.EvaluateAsync<double>("""
                () => {
                  const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')).transform).a;
                  let min = 1000;
                  for (const el of document.querySelectorAll('.react-flow__node-activity *, .react-flow__edge-text')) {
                    if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
                    min = Math.min(min, parseFloat(getComputedStyle(el).fontSize) * zoom);
                  }
                  return min;
                }
                """);
            if (Math.Abs(smallest - previous) < 0.001) return smallest;
            previous = smallest;
            await page.WaitForTimeoutAsync(150);
        }
        return previous;
    }

    /// <summary>
    /// Picks a step on the canvas and opens its measurement tab. The canvas refits (a 200 ms animation) when a panel above
    /// it grows or shrinks; a click that comes while it moves can miss the card, as a person's would, and is made again.
    /// A full run with the server tests beside it missed once and waited 30 s for the tab.
    /// </summary>
    public static async Task OpenMeasurementAsync(IPage page, string nodeId)
    {
        var tab = page.GetByTestId("tab-measurement");
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByTestId($"node-{nodeId}").ClickAsync();
            try
            {
                await tab.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 5_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
        await tab.ClickAsync();
    }

    public static bool Overlap(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
}
