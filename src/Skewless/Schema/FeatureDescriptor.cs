namespace Skewless;

/// <summary>One feature of a <see cref="FeatureSchema"/>: what it is, where it sits in the vector and what it reads.</summary>
public sealed class FeatureDescriptor
{
    /// <summary>Describes one feature. Called by generated code.</summary>
    /// <param name="name">The feature's name.</param>
    /// <param name="kind">The C# type the feature method returns.</param>
    /// <param name="offset">The index of the feature's first slot in the vector.</param>
    /// <param name="width">The number of slots the feature fills.</param>
    /// <param name="reads">The input members the feature's code reads, directly or through helpers.</param>
    /// <param name="slots">The name of each slot, in vector order.</param>
    public FeatureDescriptor(string name, FeatureKind kind, int offset, int width, IReadOnlyList<string> reads, IReadOnlyList<string> slots)
    {
        if (slots.Count != width)
        {
            throw new ArgumentException($"Feature '{name}' has width {width} but {slots.Count} slot names.", nameof(slots));
        }

        Name = name;
        Kind = kind;
        Offset = offset;
        Width = width;
        Reads = reads;
        Slots = slots;
    }

    /// <summary>The feature's name.</summary>
    public string Name { get; }

    /// <summary>The C# type the feature method returns.</summary>
    public FeatureKind Kind { get; }

    /// <summary>The index of the feature's first slot in the vector.</summary>
    public int Offset { get; }

    /// <summary>The number of slots the feature fills.</summary>
    public int Width { get; }

    /// <summary>
    /// The input members the feature's code reads, found at compile time by following its body
    /// through locals, lambdas, helper methods in the same compilation and other features.
    /// </summary>
    public IReadOnlyList<string> Reads { get; }

    /// <summary>The name of each slot, in vector order: the feature's name, or <c>Feature=Value</c> for each one-hot value.</summary>
    public IReadOnlyList<string> Slots { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Kind}, {Width} at {Offset})";
}
