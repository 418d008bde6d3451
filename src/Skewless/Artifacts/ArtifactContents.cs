namespace Skewless.Artifacts;

/// <summary>The validated contents of an artifact, from which a generated <c>Load</c> rebuilds its fitted feature set.</summary>
public sealed class ArtifactContents
{
    internal ArtifactContents(long trainingRows) => TrainingRows = trainingRows;

    /// <summary>The number of rows the feature set was fitted on.</summary>
    public long TrainingRows { get; }
}
