using SkiaSharp;

namespace Orchestrator.Server.Deliverables;

/// <summary>
/// Draws a workflow as a swimlane flow: one column per organisation level (住民, 市町村, 都道府県, 国, システム), time
/// running down in the designer's left-to-right order. Columns, not rows, because the document is A4 portrait: at
/// 16 cm wide a left-to-right flow of 15 steps printed its names at 2–3 pt; downwards they print at about 8 pt.
/// </summary>
public static class SwimlaneDiagram
{
    public const int Width = 1200;
    private const int HeaderHeight = 56, RowHeight = 104, NodeHeight = 72, Gap = 16;

    public static (byte[] Png, int Width, int Height) Render(ProcessFlow flow)
    {
        var lanes = flow.Steps.Select(s => s.Lane).Distinct().Order().ToList();
        var laneWidth = (float)Width / Math.Max(1, lanes.Count);
        // Rows follow the designer's x positions: steps drawn one above the other there share a row here.
        var ranks = flow.Steps.Select(s => Math.Round(s.X / 40)).Distinct().Order().ToList();
        var boxes = new Dictionary<string, SKRect>(StringComparer.Ordinal);
        var rowTop = (float)HeaderHeight + Gap;
        foreach (var rank in ranks)
        {
            var inRow = flow.Steps.Where(s => Math.Round(s.X / 40) == rank).ToList();
            var deepest = 1;
            foreach (var group in inRow.GroupBy(s => s.Lane))
            {
                var column = lanes.IndexOf(group.Key);
                var i = 0;
                foreach (var step in group.OrderBy(s => s.Y))
                {
                    var top = rowTop + i * RowHeight;
                    boxes[step.Id] = new SKRect(column * laneWidth + Gap, top, (column + 1) * laneWidth - Gap, top + NodeHeight);
                    i++;
                }
                deepest = Math.Max(deepest, i);
            }
            rowTop += deepest * RowHeight;
        }
        var height = (int)rowTop + Gap;

        using var surface = SKSurface.Create(new SKImageInfo(Width, height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        var typeface = SKFontManager.Default.MatchCharacter('業') ?? SKTypeface.Default;
        using var font = new SKFont(typeface, 20);
        using var bold = new SKFont(typeface, 22) { Embolden = true };
        using var small = new SKFont(typeface, 16);
        using var ink = new SKPaint { Color = new SKColor(0x1a, 0x1a, 0x1a), IsAntialias = true };
        using var line = new SKPaint { Color = new SKColor(0x33, 0x33, 0x33), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2 };
        using var band = new SKPaint { Style = SKPaintStyle.Fill };

        for (var i = 0; i < lanes.Count; i++)
        {
            band.Color = i % 2 == 0 ? new SKColor(0xf4, 0xf6, 0xf8) : SKColors.White;
            canvas.DrawRect(i * laneWidth, 0, laneWidth, height, band);
            band.Color = new SKColor(0xdd, 0xe3, 0xea);
            canvas.DrawRect(i * laneWidth, 0, laneWidth, HeaderHeight, band);
            canvas.DrawText(Labels.Of(lanes[i]), i * laneWidth + laneWidth / 2, HeaderHeight - 18, SKTextAlign.Center, bold, ink);
            if (i > 0)
                canvas.DrawLine(i * laneWidth, 0, i * laneWidth, height, line);
        }

        foreach (var (from, to) in flow.Connections)
        {
            if (boxes.TryGetValue(from, out var a) && boxes.TryGetValue(to, out var b))
                Arrow(canvas, a, b, line);
        }
        foreach (var step in flow.Steps)
            Node(canvas, step, boxes[step.Id], font, small, ink);

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return (data.ToArray(), Width, height);
    }

    private static void Arrow(SKCanvas canvas, SKRect a, SKRect b, SKPaint line)
    {
        if (b.Top > a.Bottom)
        {
            var middle = a.Bottom + (b.Top - a.Bottom) / 2;
            Draw(canvas, line, false, new(a.MidX, a.Bottom), new(a.MidX, middle), new(b.MidX, middle), new(b.MidX, b.Top));
            Head(canvas, new SKPoint(b.MidX, b.Top), 0, 1, line);
        }
        else
        {
            // Back to an earlier row (rework) or across a row: round the right-hand side.
            var side = Math.Max(a.Right, b.Right) + 10;
            Draw(canvas, line, false, new(a.Right, a.MidY), new(side, a.MidY), new(side, b.MidY), new(b.Right, b.MidY));
            Head(canvas, new SKPoint(b.Right, b.MidY), -1, 0, line);
        }
    }

    private static void Head(SKCanvas canvas, SKPoint tip, float dx, float dy, SKPaint line)
    {
        using var fill = new SKPaint { Color = line.Color, IsAntialias = true, Style = SKPaintStyle.Fill };
        Draw(canvas, fill, true, tip, new(tip.X - dx * 12 - dy * 6, tip.Y - dy * 12 - dx * 6), new(tip.X - dx * 12 + dy * 6, tip.Y - dy * 12 + dx * 6));
    }

    private static void Draw(SKCanvas canvas, SKPaint paint, bool closed, params SKPoint[] points)
    {
        using var builder = new SKPathBuilder();
        builder.AddPoly(points, closed);
        using var path = builder.Detach();
        canvas.DrawPath(path, paint);
    }

    private static void Node(SKCanvas canvas, FlowStep step, SKRect box, SKFont font, SKFont small, SKPaint ink)
    {
        using var fill = new SKPaint
        {
            IsAntialias = true, Style = SKPaintStyle.Fill, Color = step.Kind switch
            {
                FlowStepKind.AgencyCall => new SKColor(0xe3, 0xf0, 0xfb),
                FlowStepKind.Handoff => new SKColor(0xfd, 0xf1, 0xdc),
                FlowStepKind.Gateway => new SKColor(0xee, 0xee, 0xee),
                _ => SKColors.White,
            }
        };
        using var border = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2, Color = new SKColor(0x33, 0x33, 0x33) };
        if (step.Kind == FlowStepKind.Wait)
            border.PathEffect = SKPathEffect.CreateDash([8, 6], 0);
        if (step.Kind == FlowStepKind.Gateway)
        {
            SKPoint[] diamond = [new(box.MidX, box.Top), new(box.Right, box.MidY), new(box.MidX, box.Bottom), new(box.Left, box.MidY)];
            Draw(canvas, fill, true, diamond);
            Draw(canvas, border, true, diamond);
        }
        else
        {
            var radius = step.Kind == FlowStepKind.Task ? 12 : 2;
            canvas.DrawRoundRect(box, radius, radius, fill);
            canvas.DrawRoundRect(box, radius, radius, border);
        }
        var lines = Wrap(step.Name, font, box.Width - 16, step.StepCode is null ? 3 : 2);
        var top = box.MidY - (lines.Count * 24 + (step.StepCode is null ? 0 : 18)) / 2f;
        if (step.StepCode is { } code)
        {
            canvas.DrawText(code, box.MidX, top + 14, SKTextAlign.Center, small, ink);
            top += 18;
        }
        foreach (var text in lines)
        {
            canvas.DrawText(text, box.MidX, top + 20, SKTextAlign.Center, font, ink);
            top += 24;
        }
    }

    /// <summary>Breaks a name into lines that fit, character by character (Japanese has no spaces), ending in … when cut.</summary>
    public static List<string> Wrap(string text, SKFont font, float width, int maxLines)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var c in text)
        {
            if (font.MeasureText(current + c) > width && current.Length > 0)
            {
                lines.Add(current);
                current = "";
                if (lines.Count == maxLines)
                    break;
            }
            current += c;
        }
        if (lines.Count < maxLines && current.Length > 0)
            lines.Add(current);
        else if (lines.Count == maxLines && string.Concat(lines).Length < text.Length)
            lines[^1] = lines[^1][..^1] + "…";
        return lines;
    }
}
