using Skewless;

[DataSource("sensors")]
public struct Reading
{
    public float Celsius;
}

public static partial class Models
{
    public partial class Weather
    {
        [FeatureSet(typeof(Reading))]
        internal static partial class ReadingFeatures
        {
            [Feature] public static float Fahrenheit(Reading r) => r.Celsius * 9 / 5 + 32;

            [Feature] public static bool Freezing(in Reading r) => r.Celsius <= 0;
        }
    }
}
