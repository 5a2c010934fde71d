using Orchestrator.Server.Reports;
using SkiaSharp;

namespace Orchestrator.Server.Deliverables;

/// <summary>
/// The effect of one process on the five axes as bars: as-is = 100 for each headline metric, to-be beside it, so
/// that axes in minutes, yen and counts share one scale (the tables give the values in their units).
/// </summary>
public static class EffectChart
{
    public static readonly EffectMetric[] Headline =
        [EffectMetric.TouchMinutes, EffectMetric.CostYen, EffectMetric.Forms, EffectMetric.Rework, EffectMetric.ResidentVisits];

    public static (byte[] Png, int Width, int Height) Render(EffectProcess process)
    {
        const int width = 1200, height = 560, left = 90, bottom = 110, top = 40;
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        var typeface = SKFontManager.Default.MatchCharacter('業') ?? SKTypeface.Default;
        using var font = new SKFont(typeface, 22);
        using var ink = new SKPaint { Color = new SKColor(0x1a, 0x1a, 0x1a), IsAntialias = true };
        using var grid = new SKPaint { Color = new SKColor(0xcc, 0xcc, 0xcc), StrokeWidth = 1 };
        using var asIs = new SKPaint { Color = new SKColor(0x8a, 0x99, 0xa8), IsAntialias = true };
        using var toBe = new SKPaint { Color = new SKColor(0x1f, 0x5f, 0xa8), IsAntialias = true };
        var plotHeight = height - top - bottom;
        for (var pct = 0; pct <= 100; pct += 25)
        {
            var y = top + plotHeight * (1 - pct / 100f);
            canvas.DrawLine(left, y, width - 20, y, grid);
            canvas.DrawText($"{pct}", left - 12, y + 8, SKTextAlign.Right, font, ink);
        }
        var slot = (width - left - 20f) / Headline.Length;
        for (var i = 0; i < Headline.Length; i++)
        {
            var metric = Headline[i];
            var before = process.AsIs[metric].Mean;
            var after = process.ToBe[metric].Mean;
            var x = left + i * slot + slot * 0.15f;
            var bar = slot * 0.3f;
            if (before is > 0 && after is { } a)
            {
                var ratio = (float)Math.Clamp(a / before.Value, 0, 1.2);
                canvas.DrawRect(x, top, bar, plotHeight, asIs);
                canvas.DrawRect(x + bar + 6, top + plotHeight * (1 - ratio), bar, plotHeight * ratio, toBe);
                canvas.DrawText($"{ratio * 100:0}", x + bar * 1.5f + 6, top + plotHeight * (1 - ratio) - 8, SKTextAlign.Center, font, ink);
            }
            var label = EffectMetrics.Of(metric).Ja;
            var cut = label.IndexOf(' ', StringComparison.Ordinal);
            canvas.DrawText(cut > 0 ? label[..cut] : label, left + i * slot + slot / 2, height - bottom + 36, SKTextAlign.Center, font, ink);
        }
        canvas.DrawRect(left, height - 44, 24, 24, asIs);
        canvas.DrawText("現行 = 100", left + 32, height - 24, SKTextAlign.Left, font, ink);
        canvas.DrawRect(left + 220, height - 44, 24, 24, toBe);
        canvas.DrawText("改革後 (現行に対する割合)", left + 252, height - 24, SKTextAlign.Left, font, ink);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return (data.ToArray(), width, height);
    }
}
