using Microsoft.ML;
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

// The same leak in an ML.NET pipeline: the discharge hospital, one-hot encoded, concatenated into the model's features.
public static class ReadmissionModel
{
    public static ITransformer Train(MLContext ml, IEnumerable<Admission> admissions)
    {
        var data = ml.Data.LoadFromEnumerable(admissions);
        var pipeline = ml.Transforms.Categorical.OneHotEncoding("HospitalEncoded", nameof(Admission.DischargeHospital))
            .Append(ml.Transforms.Conversion.ConvertType("AgeFeature", nameof(Admission.Age), Microsoft.ML.Data.DataKind.Single))
            // SKW201: Feature 'Features' depends on 'Admission.DischargeHospital' as an input column of ML.NET's Concatenate through column 'HospitalEncoded', which is not known at serving time: assigned at discharge
            .Append(ml.Transforms.Concatenate("Features", "AgeFeature", "HospitalEncoded"))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: nameof(Admission.Readmitted)));
        return pipeline.Fit(data);
    }
}
