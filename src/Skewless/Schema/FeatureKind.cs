namespace Skewless;

/// <summary>The C# type a feature method returns.</summary>
/// <remarks>The generator emits these names verbatim, so renaming a member is a breaking change for generated code.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Like System.TypeCode, each member names the type a feature returns.")]
public enum FeatureKind
{
    /// <summary><see cref="float"/>: one slot, the value itself.</summary>
    Single,

    /// <summary><see cref="double"/>: one slot, rounded to the nearest <see cref="float"/>.</summary>
    Double,

    /// <summary><see cref="int"/>: one slot, converted to the nearest <see cref="float"/>.</summary>
    Int32,

    /// <summary><see cref="long"/>: one slot, converted to the nearest <see cref="float"/>.</summary>
    Int64,

    /// <summary><see cref="bool"/>: one slot, 1 for <see langword="true"/> and 0 for <see langword="false"/>.</summary>
    Boolean,

    /// <summary>An enum: one slot per distinct declared value, the row's slot 1 and the rest 0. An undeclared value sets no slot.</summary>
    Enum,

    /// <summary><see cref="string"/>: encoded by a vocabulary or hash transform.</summary>
    String,
}
