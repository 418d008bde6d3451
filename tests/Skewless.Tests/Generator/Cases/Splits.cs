using System;
using Skewless;

namespace Clinic
{
    [DataSource("clinic.visits")]
    public sealed record Visit
    {
        [EventTime] public DateTimeOffset At { get; init; }
        [GroupKey] public Guid @Patient { get; init; }
        public float Temperature { get; init; }
    }

    // Splits by time and by group.
    [FeatureSet(typeof(Visit))]
    public static partial class VisitFeatures
    {
        [Feature] public static float Temperature(Visit v) => v.Temperature;
    }

    [DataSource("clinic.readings")]
    public sealed class Reading
    {
        [EventTime] public long Ticks;
        [GroupKey] private string Device = "";
        public float Value;
    }

    // No split: a numeric event time has no SplitByTime, and a private group key cannot be read from here.
    [FeatureSet(typeof(Reading))]
    public static partial class ReadingFeatures
    {
        [Feature] public static float Value(Reading r) => r.Value;
    }
}
