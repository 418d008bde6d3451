using Skewless;

namespace Pitfalls.NotAtServing;

// Hospital-name leakage: the admissions table records where the patient was finally treated, which is
// decided after the moment the model is meant to predict readmission risk.
[DataSource("clinic.admissions", Owner = "records", Version = "2024-01")]
public sealed record Admission
{
    public int Age { get; init; }
    public string Ward { get; init; } = "";
    [NotAtServing("assigned at discharge")] public string DischargeHospital { get; init; } = "";
    [Label] public bool Readmitted { get; init; }
}

[FeatureSet(typeof(Admission), Version = 1)]
public static partial class AdmissionFeatures
{
    [Feature] public static int Age(Admission a) => a.Age;

    // SKW201: Feature 'TeachingHospital' depends on 'Admission.DischargeHospital' via local 'name', which is not known at serving time: assigned at discharge
    [Feature] public static bool TeachingHospital(Admission a)
    {
        var name = a.DischargeHospital;
        return name.Contains("University", StringComparison.Ordinal);
    }
}
