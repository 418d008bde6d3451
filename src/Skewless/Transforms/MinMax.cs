using System.Text.Json;
using Skewless.Artifacts;

namespace Skewless.Transforms;

/// <summary>Fits a <see cref="MinMax"/>: the minimum, maximum and mean of the finite training values.</summary>
public sealed class MinMaxAccumulator
{
    private readonly Moments _moments = new();
    private readonly ValueRange _range = new();

    /// <summary>Adds one training value. NaN and infinities are counted as missing.</summary>
    public void Add(double value)
    {
        if (_moments.Add(value))
        {
            _range.Add(value);
        }
    }

    /// <summary>Adds everything another accumulator has seen.</summary>
    public void Merge(MinMaxAccumulator other)
    {
        Guard.NotNull(other, nameof(other));
        _moments.Merge(other._moments);
        _range.Merge(other._range);
    }

    /// <summary>The moments of the values added so far, which training statistics read rather than sum a second time.</summary>
    internal Moments Moments => _moments;

    /// <summary>Freezes the fitted constants.</summary>
    public MinMax Complete() => _moments.Count == 0
        ? new MinMax(0, _moments.Missing, 0, 0, 0)
        : new MinMax(_moments.Count, _moments.Missing, _range.Minimum, _range.Maximum, _moments.Mean());
}

/// <summary>
/// Rescales a value as <c>(x - Minimum) / (Maximum - Minimum)</c>: 0 to 1 over the training range,
/// unclipped outside it. A missing value (NaN or infinite) becomes the training mean, scaled. A
/// constant feature (range 0) is only shifted.
/// </summary>
public sealed class MinMax : IFittedTransform
{
    private readonly double _scale;
    private readonly bool _halved;

    internal MinMax(long count, long missing, double minimum, double maximum, double mean)
    {
        Count = count;
        Missing = missing;
        Minimum = minimum;
        Maximum = maximum;
        Mean = mean;
        _scale = maximum > minimum ? maximum - minimum : 1;

        // A range wider than the largest double overflows to infinity, and Apply would give 0 or NaN. Halving
        // the value, the minimum and the range keeps the ratio and cannot overflow.
        _halved = double.IsInfinity(_scale);
        if (_halved)
        {
            _scale = (maximum * 0.5) - (minimum * 0.5);
        }
    }

    /// <summary>The number of finite training values.</summary>
    public long Count { get; }

    /// <summary>The number of missing training values.</summary>
    public long Missing { get; }

    /// <summary>The smallest finite training value.</summary>
    public double Minimum { get; }

    /// <summary>The largest finite training value.</summary>
    public double Maximum { get; }

    /// <summary>The mean of the finite training values, which a missing value becomes.</summary>
    public double Mean { get; }

    /// <inheritdoc />
    public FeatureTransform Kind => FeatureTransform.MinMax;

    /// <summary>Rescales one value.</summary>
    public float Apply(double value) => Rescale(MissingValues.IsMissing(value) ? Mean : value);

    /// <summary>Rescales one <see cref="float"/>: the same as <see cref="Apply(double)"/> of it, without waiting on the previous row (see <see cref="MissingValues.IsMissing(float)"/>).</summary>
    public float Apply(float value) => MissingValues.IsMissing(value) ? Rescale(Mean) : Rescale(value);

    /// <summary>Rescales one integer: the same as <see cref="Apply(double)"/> of it. Without this overload an <see cref="int"/> would take the <see cref="float"/> one and lose digits.</summary>
    public float Apply(long value) => Rescale(value);

    private float Rescale(double value) =>
        _halved ? (float)(((value * 0.5) - (Minimum * 0.5)) / _scale) : (float)((value - Minimum) / _scale);

    /// <inheritdoc />
    public void WriteTo(Utf8JsonWriter writer)
    {
        Guard.NotNull(writer, nameof(writer));
        writer.WriteStartObject();
        writer.WriteNumber("count", Count);
        writer.WriteNumber("missing", Missing);
        writer.WriteNumber("minimum", Minimum);
        writer.WriteNumber("maximum", Maximum);
        writer.WriteNumber("mean", Mean);
        writer.WriteEndObject();
    }

    /// <summary>Reads the constants of feature number <paramref name="feature"/> from a validated artifact.</summary>
    public static MinMax Read(ArtifactContents artifact, int feature)
    {
        Guard.NotNull(artifact, nameof(artifact));
        var state = artifact.State(feature);
        var count = state.Fields.Int64("count");
        var missing = state.Fields.Int64("missing");
        var minimum = state.Fields.Double("minimum");
        var maximum = state.Fields.Double("maximum");
        var mean = state.Fields.Double("mean");
        if (count < 0 || missing < 0)
        {
            throw state.Tampered($"it counts {count} values and {missing} missing.");
        }

        if (MissingValues.IsMissing(minimum) || MissingValues.IsMissing(maximum) || minimum > maximum || (count > 0 && (mean < minimum || mean > maximum)))
        {
            throw state.Tampered($"its minimum {minimum}, maximum {maximum} and mean {mean} are not an ordered range around the mean.");
        }

        return new MinMax(count, missing, minimum, maximum, mean);
    }
}
