using Skewless;

[DataSource("sensors", Owner = "iot", Version = "3")]
public sealed class Reading
{
    public float Celsius { get; set; }
    public float Humidity;
}

// Two classes claim Weather v1 (SKW109): the registry keeps the first by class name, and compiles.
[FeatureSet(typeof(Reading), Name = "Weather")]
public static partial class WeatherA
{
    [Feature] public static float Celsius(Reading r) => r.Celsius;
}

[FeatureSet(typeof(Reading), Name = "Weather")]
public static partial class WeatherB
{
    [Feature] public static float Humidity(Reading r) => r.Humidity;
}

public static partial class Station
{
    private sealed class Calibration
    {
        public float Offset { get; set; }
    }

    // The registry cannot name these, so it leaves them out; they stay in the map.
    [FeatureSet(typeof(Reading), Name = "Private")]
    private static partial class PrivateFeatures
    {
        [Feature] public static float Celsius(Reading r) => r.Celsius;
    }

    [FeatureSet(typeof(Calibration), Name = "Calibration")]
    private static partial class CalibrationFeatures
    {
        [Feature] public static float Offset(Calibration c) => c.Offset;
    }
}
