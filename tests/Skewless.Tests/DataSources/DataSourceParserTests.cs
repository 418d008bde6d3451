using Skewless.Analyzers.Parsing;
using Skewless.Tests.Infrastructure;
using Xunit;

namespace Skewless.Tests.DataSources;

public sealed class DataSourceParserTests
{
    [Fact]
    public void A_row_derived_from_a_data_source_is_recorded_as_rows_of_that_source()
    {
        var compilation = TestCompilation.Create("""
            using Skewless;

            [DataSource("sensors.readings", Owner = "field-ops", Version = "3")]
            public record Reading { public float Celsius { get; init; } }

            public sealed record CalibratedReading : Reading { public float Offset { get; init; } }
            """);

        var model = DataSourceParser.Parse(compilation.GetTypeByMetadataName("CalibratedReading")!, KnownSymbols.TryCreate(compilation)!);

        Assert.Equal(("CalibratedReading", "sensors.readings", "field-ops", "3"), (model.TypeName, model.Name, model.Owner, model.Version));
        Assert.Equal(["Celsius", "Offset"], model.Members.Select(member => member.Name));
    }
}
