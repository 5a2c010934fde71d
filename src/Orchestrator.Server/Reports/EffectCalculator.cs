using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Server.Reports;

/// <summary>The effect figures of one case: one value per <see cref="EffectMetric"/>, NaN where the case has no record of it.</summary>
public sealed record CaseFigures(double[] Values)
{
    public double this[EffectMetric metric] => Values[(int)metric];
}

/// <summary>n (the cases with a value), mean, median and 90th percentile of a metric over an arm; null without values.</summary>
public sealed record Stat(int N, double? Mean, double? Median, double? P90);

/// <summary>An arm of a process: n cases and each metric per case, written in JSON as {n, smallSample, touchMinutes: {…}, …}.</summary>
[JsonConverter(typeof(ArmSummaryConverter))]
public sealed record ArmSummary(int N, bool SmallSample, MetricMap<Stat> Stats)
{
    public Stat this[EffectMetric metric] => Stats[metric];
}

/// <summary>
/// Δ = mean(as-is) − mean(to-be) in the metric's own unit; reduction rate = Δ ÷ mean(as-is) (null when that is 0, or
/// when the metric is not a reduction, e.g. a share); the bootstrap 95% interval is of Δ, in the metric's unit.
/// </summary>
public sealed record MetricDelta(double Value, double? ReductionRate, double[] Ci95);

/// <summary>As-is vs to-be of one process. Delta is null when an arm has no cases; a metric's Δ is null when an arm has no value of it.</summary>
public sealed record ProcessEffect(string ProcessKey, ArmSummary AsIs, ArmSummary ToBe, MetricMap<MetricDelta?>? Delta, IReadOnlyList<string> Flags);

/// <summary>
/// The effect arithmetic over per-case figures (no store, no clock). Percentiles (median, P90 and the bootstrap
/// interval) interpolate linearly between closest ranks (Excel PERCENTILE.INC, NumPy's default):
/// h = (n − 1)·p, value = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
/// </summary>
public sealed class EffectCalculator
{
    public const string AsIs = "AsIs";
    public const string ToBe = "ToBe";
    public const int SmallSample = 30;
    public const int DefaultBootstrapSamples = 2000;

    public EffectCalculator(int bootstrapSamples = DefaultBootstrapSamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bootstrapSamples, 1);
        BootstrapSamples = bootstrapSamples;
    }

    public int BootstrapSamples { get; }

    /// <summary>Both arms of one process: statistics, Δ with its bootstrap interval, and flags.</summary>
    public ProcessEffect Summarise(string processKey, IReadOnlyList<CaseFigures> asIs, IReadOnlyList<CaseFigures> toBe, int seed)
    {
        var flags = new List<string>();
        if (asIs.Count == 0)
            flags.Add("no-as-is");
        if (toBe.Count == 0)
            flags.Add("no-to-be");
        if (asIs.Count < SmallSample || toBe.Count < SmallSample)
            flags.Add("n<30");

        // Each metric's values once, in case order: the statistics, Δ and the bootstrap all read these.
        var a = Columns(asIs);
        var t = Columns(toBe);
        MetricMap<MetricDelta?>? delta = null;
        if (asIs.Count > 0 && toBe.Count > 0)
        {
            var intervals = Bootstrap(asIs.Count, toBe.Count, a, t, seed);
            delta = MetricMap<MetricDelta?>.From(m =>
            {
                if (intervals[(int)m] is not { } ci)
                    return null;
                var meanAsIs = a[(int)m].Average();
                var value = meanAsIs - t[(int)m].Average();
                return new MetricDelta(value, meanAsIs == 0 || !EffectMetrics.Of(m).Reduction ? null : value / meanAsIs, ci);
            });
        }
        return new ProcessEffect(processKey, Arm(asIs.Count, a), Arm(toBe.Count, t), delta, flags);
    }

    public static ArmSummary Arm(IReadOnlyList<CaseFigures> cases) => Arm(cases.Count, Columns(cases));

    /// <summary>Reorders each column in place: call after the bootstrap, which resamples them in case order.</summary>
    private static ArmSummary Arm(int n, double[][] columns) =>
        new(n, n < SmallSample, MetricMap<Stat>.From(m => DescribeInPlace(columns[(int)m])));

    /// <summary>Per metric, the values of the cases that have one, in case order.</summary>
    private static double[][] Columns(IReadOnlyList<CaseFigures> cases)
    {
        var counts = new int[EffectMetrics.Count];
        foreach (var c in cases)
            for (var m = 0; m < counts.Length; m++)
                counts[m] += double.IsNaN(c.Values[m]) ? 0 : 1;
        var columns = new double[counts.Length][];
        for (var m = 0; m < counts.Length; m++)
            columns[m] = new double[counts[m]];
        Array.Clear(counts);
        foreach (var c in cases)
            for (var m = 0; m < counts.Length; m++)
            {
                var v = c.Values[m];
                if (!double.IsNaN(v))
                    columns[m][counts[m]++] = v;
            }
        return columns;
    }

    public static Stat Describe(IReadOnlyList<double> values) => DescribeInPlace(values.ToArray());

    private static Stat DescribeInPlace(double[] values)
    {
        if (values.Length == 0)
            return new Stat(0, null, null, null);
        var mean = values.Average();
        var ranks = Percentiles.Of(values, 0.5, 0.9);
        return new Stat(values.Length, mean, ranks[0], ranks[1]);
    }

    private static bool Constant(double[] values)
    {
        foreach (var v in values)
        {
            if (v != values[0])
                return false;
        }
        return true;
    }

    /// <summary>Linear interpolation between closest ranks over ascending <paramref name="sorted"/> (PERCENTILE.INC).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
            throw new ArgumentException("no values", nameof(sorted));
        var h = (sorted.Count - 1) * p;
        var lower = (int)Math.Floor(h);
        if (lower >= sorted.Count - 1)
            return sorted[^1];
        return sorted[lower] + (h - lower) * (sorted[lower + 1] - sorted[lower]);
    }

    /// <summary>
    /// Percentile bootstrap of Δ for every metric: B replicates; replicate b resamples each arm with replacement (same
    /// size as the arm) using xoshiro256** seeded by SplitMix64 from (seed, b), index = ⌊u·n / 2³²⌋ for each 32-bit
    /// half u of a draw, and takes mean(as-is*) − mean(to-be*). The interval is the 2.5% and 97.5% percentiles of the
    /// B differences. Metrics every case of both arms has share one resample, so they stay consistent; a metric only
    /// some cases have is resampled over those cases on a stream of its own, (seed, b + (metric + 1)·2²⁴); a metric
    /// with one value throughout each arm has every resample mean equal to it, so its interval is Δ itself. Replicates
    /// are independent, so they run in parallel and the result does not depend on the number of threads. Null for a
    /// metric an arm has no value of.
    /// </summary>
    private double[]?[] Bootstrap(int nAsIs, int nToBe, double[][] asIs, double[][] toBe, int seed)
    {
        var result = new double[]?[EffectMetrics.Count];
        var shared = new List<EffectMetric>();
        var own = new List<(EffectMetric Metric, double[] AsIs, double[] ToBe)>();
        foreach (var m in EffectMetrics.All.Select(x => x.Metric))
        {
            var a = asIs[(int)m];
            var t = toBe[(int)m];
            if (a.Length == 0 || t.Length == 0)
                continue;
            if (Constant(a) && Constant(t))
                result[(int)m] = [a[0] - t[0], a[0] - t[0]];
            else if (a.Length == nAsIs && t.Length == nToBe)
                shared.Add(m);
            else
                own.Add((m, a, t));
        }

        var rows = new SharedRows(shared);
        var (ra, rt) = (rows.Of(asIs, nAsIs), rows.Of(toBe, nToBe));
        var differences = new double[shared.Count + own.Count][];
        for (var i = 0; i < differences.Length; i++)
            differences[i] = new double[BootstrapSamples];
        Parallel.For(0, BootstrapSamples, b =>
        {
            if (shared.Count > 0)
            {
                var random = new Xoshiro256(seed, b);
                Span<double> sa = stackalloc double[rows.Stride];
                Span<double> st = stackalloc double[rows.Stride];
                rows.SumOfResample(ra, nAsIs, ref random, sa);
                rows.SumOfResample(rt, nToBe, ref random, st);
                for (var i = 0; i < shared.Count; i++)
                    differences[i][b] = sa[i] / nAsIs - st[i] / nToBe;
            }
            for (var i = 0; i < own.Count; i++)
            {
                var random = new Xoshiro256(seed, b + ((int)own[i].Metric + 1) * (1 << 24));
                differences[shared.Count + i][b] = MeanOfResample(own[i].AsIs, ref random) - MeanOfResample(own[i].ToBe, ref random);
            }
        });
        var metrics = shared.Concat(own.Select(o => o.Metric)).ToList();
        for (var i = 0; i < metrics.Count; i++)
            result[(int)metrics[i]] = Percentiles.Of(differences[i], 0.025, 0.975);
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double MeanOfResample(double[] values, ref Xoshiro256 random)
    {
        double sum = 0;
        var n = values.Length;
        for (var i = 0; i < n; i += 2)
        {
            var (first, second) = random.NextIndices(n);
            sum += values[first];
            if (i + 1 < n)
                sum += values[second];
        }
        return sum / n;
    }

    // The resampling loops are compiled optimised at their first call (AggressiveOptimization): they run for
    // milliseconds per call, and a server's first reports otherwise ran them unoptimised, at four times the CPU.

    /// <summary>
    /// The metrics every case has, one row per case of whole 256-bit vectors, so that a resample reads one row per draw
    /// and one draw serves every metric. The rows hold 32-bit floats, summed in 64 bits: up to 16 metrics fill one
    /// 64-byte cache line per case instead of two, which halved the time of a computed summary over 68,000 cases; the
    /// ends of an interval so differ from an exact sum by less than 10⁻⁶ of the figure.
    /// </summary>
    private sealed class SharedRows(List<EffectMetric> metrics)
    {
        public int Stride { get; } = Math.Max(8, (metrics.Count + 7) / 8 * 8);

        /// <summary>The rows of n cases from the metrics' columns (every case has these metrics, so column index = case index).</summary>
        public float[] Of(double[][] columns, int n)
        {
            var rows = new float[n * Stride];
            for (var m = 0; m < metrics.Count; m++)
            {
                var column = columns[(int)metrics[m]];
                for (var i = 0; i < n; i++)
                    rows[i * Stride + m] = (float)column[i];
            }
            return rows;
        }

        public void SumOfResample(float[] rows, int n, ref Xoshiro256 random, Span<double> sums)
        {
            if (Stride == 8)
                SumOfResample8(rows, n, ref random, sums);
            else if (Stride == 16)
                SumOfResample16(rows, n, ref random, sums);
            else
                SumOfResampleAny(rows, n, ref random, sums);
        }

        /// <summary>One vector of floats per row (up to 8 metrics), widened into two of doubles.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void SumOfResample8(float[] rows, int n, ref Xoshiro256 random, Span<double> sums)
        {
            // A local copy of the generator stays in registers; through the reference each draw went to memory.
            var r = random;
            Vector256<double> a0 = default, a1 = default, b0 = default, b1 = default;
            ref var start = ref rows[0];
            for (var i = 0; i < n / 2; i++)
            {
                var (first, second) = r.NextIndices(n);
                var (l0, h0) = Vector256.Widen(Vector256.LoadUnsafe(ref start, (nuint)(first * 8)));
                var (m0, k0) = Vector256.Widen(Vector256.LoadUnsafe(ref start, (nuint)(second * 8)));
                a0 += l0; a1 += h0; b0 += m0; b1 += k0;
            }
            if (n % 2 == 1)
            {
                var (l0, h0) = Vector256.Widen(Vector256.LoadUnsafe(ref start, (nuint)(r.NextIndices(n).Item1 * 8)));
                a0 += l0; a1 += h0;
            }
            random = r;
            (a0 + b0).CopyTo(sums);
            (a1 + b1).CopyTo(sums[4..]);
        }

        /// <summary>Two vectors of floats per row, widened into four of doubles; two sets of accumulators, one per half of each draw.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void SumOfResample16(float[] rows, int n, ref Xoshiro256 random, Span<double> sums)
        {
            // A local copy of the generator stays in registers; through the reference each draw went to memory.
            var r = random;
            Vector256<double> a0 = default, a1 = default, a2 = default, a3 = default, b0 = default, b1 = default, b2 = default, b3 = default;
            ref var start = ref rows[0];
            for (var i = 0; i < n / 2; i++)
            {
                var (first, second) = r.NextIndices(n);
                var row = (nuint)(first * 16);
                var (l0, h0) = Vector256.Widen(Vector256.LoadUnsafe(ref start, row));
                var (l1, h1) = Vector256.Widen(Vector256.LoadUnsafe(ref start, row + 8));
                a0 += l0; a1 += h0; a2 += l1; a3 += h1;
                row = (nuint)(second * 16);
                var (m0, k0) = Vector256.Widen(Vector256.LoadUnsafe(ref start, row));
                var (m1, k1) = Vector256.Widen(Vector256.LoadUnsafe(ref start, row + 8));
                b0 += m0; b1 += k0; b2 += m1; b3 += k1;
            }
            if (n % 2 == 1)
            {
                var row = (nuint)(r.NextIndices(n).Item1 * 16);
                var (l0, h0) = Vector256.Widen(Vector256.LoadUnsafe(ref start, row));
                var (l1, h1) = Vector256.Widen(Vector256.LoadUnsafe(ref start, row + 8));
                a0 += l0; a1 += h0; a2 += l1; a3 += h1;
            }
            random = r;
            (a0 + b0).CopyTo(sums);
            (a1 + b1).CopyTo(sums[4..]);
            (a2 + b2).CopyTo(sums[8..]);
            (a3 + b3).CopyTo(sums[12..]);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void SumOfResampleAny(float[] rows, int n, ref Xoshiro256 random, Span<double> sums)
        {
            sums.Clear();
            for (var i = 0; i < n; i += 2)
            {
                var (first, second) = random.NextIndices(n);
                Add(rows, first * Stride, sums);
                if (i + 1 < n)
                    Add(rows, second * Stride, sums);
            }
        }

        private void Add(float[] rows, int row, Span<double> sums)
        {
            for (var m = 0; m < Stride; m++)
                sums[m] += rows[row + m];
        }
    }

    /// <summary>xoshiro256** (Blackman and Vigna): small, fast and reproducible on every runtime version.</summary>
    private struct Xoshiro256
    {
        private ulong s0, s1, s2, s3;

        public Xoshiro256(int seed, int stream)
        {
            var x = unchecked((ulong)(uint)seed << 32 | (uint)stream);
            s0 = SplitMix(ref x);
            s1 = SplitMix(ref x);
            s2 = SplitMix(ref x);
            s3 = SplitMix(ref x);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public (int, int) NextIndices(int n)
        {
            var x = Next();
            return ((int)((x >> 32) * (ulong)(uint)n >> 32), (int)((x & 0xFFFF_FFFF) * (ulong)(uint)n >> 32));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private ulong Next()
        {
            var result = ulong.RotateLeft(s1 * 5, 7) * 9;
            var t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = ulong.RotateLeft(s3, 45);
            return result;
        }

        private static ulong SplitMix(ref ulong x)
        {
            var z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}

internal sealed class ArmSummaryConverter : JsonConverter<ArmSummary>
{
    public override ArmSummary Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("arm summaries are written, not read");

    public override void Write(Utf8JsonWriter writer, ArmSummary value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber(options.PropertyNamingPolicy?.ConvertName("N") ?? "N", value.N);
        writer.WriteBoolean(options.PropertyNamingPolicy?.ConvertName("SmallSample") ?? "SmallSample", value.SmallSample);
        foreach (var m in EffectMetrics.All)
        {
            writer.WritePropertyName(m.Name);
            JsonSerializer.Serialize(writer, value[m.Metric], options);
        }
        writer.WriteEndObject();
    }
}
