namespace Orchestrator.Engine;

/// <summary>The output of one rendering, refused once it passes the length limit.</summary>
internal sealed class BoundedWriter(LiquidRenderContext context) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
{
    void Grow(int count)
    {
        context.CheckLength((double)GetStringBuilder().Length + count, "the output");
    }

    public override void Write(char value)
    {
        Grow(1);
        base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Grow(count);
        base.Write(buffer, index, count);
    }

    public override void Write(string? value)
    {
        Grow(value?.Length ?? 0);
        base.Write(value);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Grow(buffer.Length);
        base.Write(buffer);
    }
}
