namespace Skewless.Tests.Infrastructure;

/// <summary>Source text shared by analyzer and generator tests.</summary>
internal static class TestSources
{
    /// <summary>A data source with a label, for feature sets under test. Ends with a blank line so a test's source can follow it.</summary>
    public const string Flight = """
        using System;
        using Skewless;

        public enum Cabin { Economy, Business }

        [DataSource("bts.on_time")]
        public sealed class Flight
        {
            public DateTime Departure { get; set; }
            public float DistanceMiles { get; set; }
            public string Origin { get; set; } = "";
            public Cabin Cabin { get; set; }
            [Label] public float DelayMinutes { get; set; }
        }

        """;
}
