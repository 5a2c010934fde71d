namespace Orchestrator.Server.Deliverables;

/// <summary>
/// Where the BPMN export draws each node: the designer's left-to-right order kept (its x scaled to BPMN's usual
/// spacing), each node in the horizontal band of its lane, nodes of one lane on separate rows when the designer put
/// them at different heights. Modellers read these bounds as they are (bpmn-js, Camunda Modeler, Signavio).
/// </summary>
public sealed class BpmnLayout
{
    /// <summary>The designer spaces nodes 240 px apart; 150 leaves a 50 px gap between 100 px wide tasks.</summary>
    private const double Scale = 150.0 / 240, RowHeight = 120, PoolLabel = 30, LaneLabel = 30, Margin = 30, AgencyHeight = 80, Gap = 40;

    private readonly Dictionary<string, BpmnBounds> nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<Lane, BpmnBounds> lanes = [];

    public BpmnLayout(IReadOnlyList<(string Id, BpmnNodeShape Shape, Lane Lane, double X, double Y)> placed, int agencyPools)
    {
        var minX = placed.Count == 0 ? 0 : placed.Min(p => p.X);
        var top = 0.0;
        foreach (var lane in placed.Select(p => p.Lane).Distinct().Order())
        {
            // One band of rows per height the designer uses in this lane; a node that would overlap another in its
            // band (the designer stacks parallel branches on one spot) goes on a further row of that band.
            var inLane = placed.Where(p => p.Lane == lane).OrderBy(p => p.Y).ThenBy(p => p.X).ToList();
            var bands = inLane.Select(p => p.Y).Distinct().Order().ToList();
            var rows = new List<(int Band, List<(double Left, double Right)> Taken)>();
            var rowOf = new Dictionary<string, (int Band, List<(double, double)> Taken)>(StringComparer.Ordinal);
            foreach (var (id, shape, _, x, y) in inLane)
            {
                var (w, h) = Size(shape);
                var centerX = PoolLabel + LaneLabel + Margin + 50 + (x - minX) * Scale;
                var band = bands.IndexOf(y);
                var row = rows.FirstOrDefault(r => r.Band == band && r.Taken.All(t => centerX + w / 2 + 10 <= t.Left || centerX - w / 2 - 10 >= t.Right));
                if (row.Taken is null)
                    rows.Add(row = (band, []));
                row.Taken.Add((centerX - w / 2, centerX + w / 2));
                rowOf[id] = row;
                nodes[id] = new BpmnBounds(centerX - w / 2, 0, w, h);
            }
            var ordered = rows.OrderBy(r => r.Band).ToList();
            foreach (var (id, row) in rowOf)
            {
                var centerY = top + ordered.IndexOf(row) * RowHeight + RowHeight / 2;
                nodes[id] = nodes[id] with { Y = centerY - nodes[id].Height / 2 };
            }
            lanes[lane] = new BpmnBounds(PoolLabel, top, 0, rows.Count * RowHeight);
            top += rows.Count * RowHeight;
        }
        var width = (nodes.Count == 0 ? 200 : nodes.Values.Max(b => b.Right)) + Margin;
        foreach (var lane in lanes.Keys.ToList())
            lanes[lane] = lanes[lane] with { Width = width - PoolLabel };
        Pool = new BpmnBounds(0, 0, width, Math.Max(top, RowHeight));
        Agencies = Enumerable.Range(0, agencyPools).Select(i => new BpmnBounds(0, Pool.Bottom + Gap + i * (AgencyHeight + Gap), width, AgencyHeight)).ToList();
    }

    public BpmnBounds Pool { get; }

    public IReadOnlyList<BpmnBounds> Agencies { get; }

    public BpmnBounds Node(string id) => nodes[id];

    public BpmnBounds LaneBounds(Lane lane) => lanes[lane];

    /// <summary>A sequence flow: right side to left side with one vertical leg between; a flow back goes round below.</summary>
    public IReadOnlyList<(double X, double Y)> Flow(string from, string to)
    {
        var a = nodes[from];
        var b = nodes[to];
        if (b.X > a.Right)
        {
            if (Math.Abs(a.CenterY - b.CenterY) < 1)
                return [(a.Right, a.CenterY), (b.X, b.CenterY)];
            var middle = (a.Right + b.X) / 2;
            return [(a.Right, a.CenterY), (middle, a.CenterY), (middle, b.CenterY), (b.X, b.CenterY)];
        }
        var below = Math.Max(a.Bottom, b.Bottom) + 20;
        return [(a.CenterX, a.Bottom), (a.CenterX, below), (b.CenterX, below), (b.CenterX, b.Bottom)];
    }

    /// <summary>The request to an agency system's pool and its answer back, side by side under the task.</summary>
    public (IReadOnlyList<(double X, double Y)> Request, IReadOnlyList<(double X, double Y)> Response) Messages(string task, int agency)
    {
        var t = nodes[task];
        var pool = Agencies[agency];
        return ([(t.CenterX - 15, t.Bottom), (t.CenterX - 15, pool.Y)], [(t.CenterX + 15, pool.Y), (t.CenterX + 15, t.Bottom)]);
    }

    private static (double Width, double Height) Size(BpmnNodeShape shape) => shape switch
    {
        BpmnNodeShape.Event => (36, 36),
        BpmnNodeShape.Gateway => (50, 50),
        _ => (100, 80),
    };
}
