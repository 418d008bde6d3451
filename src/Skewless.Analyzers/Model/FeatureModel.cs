namespace Skewless.Analyzers.Model;

/// <summary>One valid <c>[Feature]</c> method, as the emitter needs it.</summary>
/// <param name="Name">The feature's name in the schema and the artifact.</param>
/// <param name="MethodName">The method's name, also the name of the feature's field in the vector.</param>
/// <param name="Kind">The C# type the method returns.</param>
/// <param name="ReturnType">The return type, fully qualified with <c>global::</c>.</param>
/// <param name="EnumMembers">For an enum feature, one declared member per distinct value, in declaration order; each is a one-hot slot.</param>
/// <param name="EnumStart">For an enum whose distinct values count up by one in declaration order, the first value; otherwise null.</param>
/// <param name="Reads">The input members the feature reads, sorted.</param>
/// <param name="Transform">The transform from the feature's attributes.</param>
/// <param name="DriftThreshold">The feature's <c>[DriftThreshold]</c>, if any.</param>
/// <param name="Code">A short hash of the feature's own code and the helpers it reaches, which the contract file records.</param>
internal sealed record FeatureModel(
    string Name,
    string MethodName,
    FeatureKind Kind,
    string ReturnType,
    EquatableArray<string> EnumMembers,
    int? EnumStart,
    EquatableArray<string> Reads,
    TransformModel Transform,
    double? DriftThreshold = null,
    string Code = "")
{
    public int Width => Transform.Width ?? (Kind == FeatureKind.Enum ? EnumMembers.Length : 1);

    /// <summary>The type of the feature's field in the vector: the return type, or what the transform makes of it.</summary>
    public string VectorType => Transform.VectorType ?? ReturnType;
}
