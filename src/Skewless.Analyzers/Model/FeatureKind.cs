namespace Skewless.Analyzers.Model;

/// <summary>
/// The C# type a feature returns. Member names match <c>Skewless.FeatureKind</c> in the runtime,
/// because the emitter writes them into generated code; a test keeps the two in step.
/// </summary>
internal enum FeatureKind
{
    Single,
    Double,
    Int32,
    Int64,
    Boolean,
    Enum,
    String,
}
