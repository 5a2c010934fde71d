using System.Text.Json;
using Microsoft.Playwright;

namespace Orchestrator.E2E.Tests;

/// <summary>
/// ExcelJS (the Studio's npm dev dependency) run in the page: it reads a workbook the server serves, as a JavaScript
/// reader of our exports would.
/// </summary>
public static class ExcelJs
{
    private static readonly Lazy<string> Source = new(() => File.ReadAllText(
        Path.Combine(ServerProcess.RepositoryRoot(), "src", "Orchestrator.Studio", "node_modules", "exceljs", "dist", "exceljs.min.js")));

    /// <summary>What ExcelJS read: the sheet names, and one cell's number format and value (the row found by a text in it).</summary>
    public sealed record Workbook(IReadOnlyList<string> Sheets, string? NumberFormat, double Value);

    public static async Task<Workbook> ReadAsync(IPage page, string url, string sheet, string rowText, string column)
    {
        // Evaluated through the browser's debugging protocol, which the page's content security policy does not govern.
        if (!await page.EvaluateAsync<bool>("() => typeof window.ExcelJS !== 'undefined'"))
            await page.EvaluateAsync(Source.Value);
        var result = await page.EvaluateAsync<JsonElement>("""
            async ([url, sheet, rowText, column]) => {
              const response = await fetch(url);
              const workbook = new ExcelJS.Workbook();
              await workbook.xlsx.load(await response.arrayBuffer());
              const ws = workbook.getWorksheet(sheet);
              const header = ws.getRow(1).values;
              const col = header.indexOf(column);
              let cell = null;
              ws.eachRow((row) => { if (!cell && row.values.includes(rowText)) cell = row.getCell(col); });
              return { sheets: workbook.worksheets.map((w) => w.name), numFmt: cell?.numFmt ?? null, value: Number(cell?.value) };
            }
            """, new[] { url, sheet, rowText, column });
        return new Workbook(
            result.GetProperty("sheets").EnumerateArray().Select(s => s.GetString()!).ToList(),
            result.GetProperty("numFmt").GetString(),
            result.GetProperty("value").GetDouble());
    }
}
