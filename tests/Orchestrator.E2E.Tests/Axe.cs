using System.Text.Json;
using Microsoft.Playwright;

namespace Orchestrator.E2E.Tests;

/// <summary>
/// axe-core (the Studio's npm dev dependency) run in the page against WCAG 2.1 A and AA, the level JIS X 8341-3 asks
/// of public-sector sites. Serious and critical violations fail a test.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() => File.ReadAllText(
        Path.Combine(ServerProcess.RepositoryRoot(), "src", "Orchestrator.Studio", "node_modules", "axe-core", "axe.min.js")));

    /// <summary>The serious and critical violations on the page as it is now, one line each (rule, impact, elements).</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string state)
    {
        // Evaluated through the browser's debugging protocol, which the page's content security policy does not govern.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.EvaluateAsync(Source.Value);
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
              return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')), count: v.nodes.length }));
            }
            """);
        return result.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{state}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}, {v.GetProperty("count").GetInt32()} elements) {v.GetProperty("help").GetString()} — " +
                string.Join(" | ", v.GetProperty("targets").EnumerateArray().Select(t => t.GetString())))
            .ToList();
    }
}
