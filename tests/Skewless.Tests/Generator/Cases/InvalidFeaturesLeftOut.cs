using Skewless;

namespace Clinic;

[DataSource("ehr.admissions")]
public sealed class Admission
{
    public int Age { get; set; }
    public string Hospital { get; set; } = "";
    public float? Temperature { get; set; }
}

[FeatureSet(typeof(Admission))]
public static partial class AdmissionFeatures
{
    [Feature] public static int Age(Admission a) => a.Age;

    // Left out: a string needs a vocabulary or hash transform.
    [Feature] public static string Hospital(Admission a) => a.Hospital;

    // Left out: nullable.
    [Feature] public static float? Temperature(Admission a) => a.Temperature;

    // Left out: takes the wrong type.
    [Feature] public static int Twice(int age) => age * 2;

    // Left out: the name is taken.
    [Feature("Age")] public static int AgeAgain(Admission a) => a.Age;
}
