using Microsoft.ML.Data;

namespace Skewless.ML;

/// <summary>The input an ML.NET prediction engine receives: one row's feature vector, filled by the generated single-row transform.</summary>
public sealed class FeatureVector
{
    /// <summary>The row's features, as the schema lays them out.</summary>
    [ColumnName(FeatureColumns.Features)]
#pragma warning disable CA1819 // ML.NET binds the vector column to an array field or property.
    public float[] Features { get; set; } = Array.Empty<float>();
#pragma warning restore CA1819
}
