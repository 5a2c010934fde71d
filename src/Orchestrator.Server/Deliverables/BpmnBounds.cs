namespace Orchestrator.Server.Deliverables;

/// <summary>A rectangle of the BPMN diagram interchange, in the diagram's pixels.</summary>
public readonly record struct BpmnBounds(double X, double Y, double Width, double Height)
{
    public double CenterX => X + Width / 2;
    public double CenterY => Y + Height / 2;
    public double Right => X + Width;
    public double Bottom => Y + Height;
}
