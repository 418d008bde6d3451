using System.Text.Json;
using Skewless.Monitoring;

namespace Skewless.Artifacts;

/// <summary>The validated contents of an artifact, from which a generated <c>Load</c> rebuilds its fitted feature set.</summary>
public sealed class ArtifactContents
{
    private readonly FeatureSchema _schema;
    private readonly JsonElement?[] _states;

    internal ArtifactContents(FeatureSchema schema, long trainingRows, JsonElement?[] states, TrainingStatistics statistics)
    {
        Statistics = statistics;
        _schema = schema;
        _states = states;
        TrainingRows = trainingRows;
    }

    /// <summary>The number of rows the feature set was fitted on.</summary>
    public long TrainingRows { get; }

    /// <summary>The statistics of the training rows, checked against the definition.</summary>
    public TrainingStatistics Statistics { get; }

    /// <summary>The fitted constants of feature number <paramref name="feature"/>, which the reader checked exist.</summary>
    internal ArtifactState State(int feature)
    {
        var descriptor = _schema.Features[feature];
        return new ArtifactState(new JsonFields(_states[feature]!.Value, _schema.FeatureSet, $"the state of feature '{descriptor.Name}'"), _schema.FeatureSet, descriptor.Name);
    }
}
