using System.Text.Json;
using Skewless.Artifacts;

namespace Skewless.Transforms;

/// <summary>Fits a <see cref="ZScore"/>: the mean and population standard deviation of the finite training values.</summary>
public sealed class ZScoreAccumulator
{
    private readonly Moments _moments = new();

    /// <summary>Adds one training value. NaN and infinities are counted as missing.</summary>
    public void Add(double value) => _moments.Add(value);

    /// <summary>Adds everything another accumulator has seen.</summary>
    public void Merge(ZScoreAccumulator other)
    {
        Guard.NotNull(other, nameof(other));
        _moments.Merge(other._moments);
    }

    /// <summary>The moments of the values added so far, which training statistics read rather than sum a second time.</summary>
    internal Moments Moments => _moments;

    /// <summary>Freezes the fitted constants.</summary>
    public ZScore Complete() => new(_moments.Count, _moments.Missing, _moments.Mean(), _moments.StandardDeviation());
}

/// <summary>
/// Standardises a value as <c>(x - Mean) / StandardDeviation</c>. A missing value (NaN or infinite)
/// becomes 0, the training mean. A constant feature (standard deviation 0) is only centred.
/// </summary>
public sealed class ZScore : IFittedTransform
{
    private readonly double _scale;

    internal ZScore(long count, long missing, double mean, double standardDeviation)
    {
        Count = count;
        Missing = missing;
        Mean = mean;
        StandardDeviation = standardDeviation;
        _scale = standardDeviation > 0 ? standardDeviation : 1;
    }

    /// <summary>The number of finite training values.</summary>
    public long Count { get; }

    /// <summary>The number of missing training values.</summary>
    public long Missing { get; }

    /// <summary>The mean of the finite training values.</summary>
    public double Mean { get; }

    /// <summary>The population standard deviation of the finite training values.</summary>
    public double StandardDeviation { get; }

    /// <inheritdoc />
    public FeatureTransform Kind => FeatureTransform.ZScore;

    /// <summary>Standardises one value.</summary>
    public float Apply(double value) => MissingValues.IsMissing(value) ? 0f : Standardise(value);

    /// <summary>Standardises one <see cref="float"/>: the same as <see cref="Apply(double)"/> of it, without waiting on the previous row (see <see cref="MissingValues.IsMissing(float)"/>).</summary>
    public float Apply(float value) => MissingValues.IsMissing(value) ? 0f : Standardise(value);

    /// <summary>Standardises one integer: the same as <see cref="Apply(double)"/> of it. Without this overload an <see cref="int"/> would take the <see cref="float"/> one and lose digits.</summary>
    public float Apply(long value) => Standardise(value);

    private float Standardise(double value) => (float)((value - Mean) / _scale);

    /// <inheritdoc />
    public void WriteTo(Utf8JsonWriter writer)
    {
        Guard.NotNull(writer, nameof(writer));
        writer.WriteStartObject();
        writer.WriteNumber("count", Count);
        writer.WriteNumber("missing", Missing);
        writer.WriteNumber("mean", Mean);
        writer.WriteNumber("standardDeviation", StandardDeviation);
        writer.WriteEndObject();
    }

    /// <summary>Reads the constants of feature number <paramref name="feature"/> from a validated artifact.</summary>
    public static ZScore Read(ArtifactContents artifact, int feature)
    {
        Guard.NotNull(artifact, nameof(artifact));
        var state = artifact.State(feature);
        var count = state.Fields.Int64("count");
        var missing = state.Fields.Int64("missing");
        var mean = state.Fields.Double("mean");
        var standardDeviation = state.Fields.Double("standardDeviation");
        if (count < 0 || missing < 0)
        {
            throw state.Tampered($"it counts {count} values and {missing} missing.");
        }

        if (double.IsNaN(standardDeviation) || standardDeviation < 0 || MissingValues.IsMissing(mean) || MissingValues.IsMissing(standardDeviation))
        {
            throw state.Tampered($"its mean {mean} and standard deviation {standardDeviation} are not a finite mean and a non-negative deviation.");
        }

        return new ZScore(count, missing, mean, standardDeviation);
    }
}
