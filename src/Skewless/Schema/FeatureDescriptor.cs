namespace Skewless;

/// <summary>One feature of a <see cref="FeatureSchema"/>: what it is, where it sits in the vector and what it reads.</summary>
public sealed class FeatureDescriptor
{
    /// <summary>Describes one feature. Called by generated code.</summary>
    /// <param name="name">The feature's name.</param>
    /// <param name="kind">The C# type the feature method returns.</param>
    /// <param name="transform">How the value becomes slots.</param>
    /// <param name="offset">The index of the feature's first slot in the vector.</param>
    /// <param name="width">The number of slots the feature fills.</param>
    /// <param name="reads">The input members the feature's code reads, directly or through helpers.</param>
    /// <param name="slots">The name of each slot, in vector order, or <see langword="null"/> for <c>Name</c> when there is one slot and <c>Name[i]</c> when there are more.</param>
    /// <param name="driftThreshold">The feature's <see cref="DriftThresholdAttribute"/>, or <see langword="null"/> when it has none.</param>
    /// <param name="settings">The transform attribute's settings (see <see cref="Settings"/>), or <see langword="null"/> when it has none.</param>
    /// <param name="code">A short hash of the feature's code (see <see cref="Code"/>), or <see langword="null"/> when not known.</param>
    public FeatureDescriptor(string name, FeatureKind kind, FeatureTransform transform, int offset, int width, IReadOnlyList<string> reads, IReadOnlyList<string>? slots = null, double? driftThreshold = null, string? settings = null, string? code = null)
    {
        slots ??= width == 1 ? new[] { name } : Enumerable.Range(0, width).Select(slot => $"{name}[{slot}]").ToArray();
        if (slots.Count != width)
        {
            throw new ArgumentException($"Feature '{name}' has width {width} but {slots.Count} slot names.", nameof(slots));
        }

        Name = name;
        Kind = kind;
        Transform = transform;
        Offset = offset;
        Width = width;
        Reads = reads;
        Slots = slots;
        DriftThreshold = driftThreshold;
        Settings = settings;
        Code = code;
    }

    /// <summary>The feature's name.</summary>
    public string Name { get; }

    /// <summary>The C# type the feature method returns.</summary>
    public FeatureKind Kind { get; }

    /// <summary>How the value becomes slots.</summary>
    public FeatureTransform Transform { get; }

    /// <summary>The index of the feature's first slot in the vector.</summary>
    public int Offset { get; }

    /// <summary>The number of slots the feature fills.</summary>
    public int Width { get; }

    /// <summary>
    /// The input members the feature's code reads, found at compile time by following its body
    /// through locals, lambdas, helper methods in the same compilation and other features.
    /// </summary>
    public IReadOnlyList<string> Reads { get; }

    /// <summary>The name of each slot, in vector order: the feature's name, <c>Feature=Value</c> for each value of a one-hot enum, or <c>Feature[i]</c> for each one-hot bucket.</summary>
    public IReadOnlyList<string> Slots { get; }

    /// <summary>The largest skew or drift distance not flagged, from the feature's <see cref="DriftThresholdAttribute"/>; <see langword="null"/> when it has none.</summary>
    public double? DriftThreshold { get; }

    /// <summary>
    /// The settings of the transform's attribute as the feature contract and the artifact record them: <c>10</c> for
    /// <c>[QuantileBuckets(10)]</c>, <c>64,OneHot</c> for <c>[HashBuckets(64)]</c>,
    /// <c>MaxSize=50,MinCount=1,OovBuckets=2,OneHot</c> for a vocabulary; <see langword="null"/> for a transform without any.
    /// </summary>
    public string? Settings { get; }

    /// <summary>
    /// A short hash of the feature's code and of the helpers it calls, as the feature contract records it, so that an
    /// artifact fitted before the code changed can say which feature changed; <see langword="null"/> when not known.
    /// </summary>
    public string? Code { get; }

    /// <summary>What a missing or odd value becomes, so that training and serving agree on it.</summary>
    public string Missing => Transform switch
    {
        FeatureTransform.ZScore => "NaN or infinite becomes 0, the training mean",
        FeatureTransform.MinMax => "NaN or infinite becomes the training mean, scaled",
        FeatureTransform.QuantileBuckets => "NaN becomes -1; infinities go to the first or last bucket",
        FeatureTransform.Vocabulary when Width > 1 => "null or empty sets no slot; an unseen value sets its out-of-vocabulary bucket",
        FeatureTransform.Vocabulary => "null or empty becomes -1; an unseen value becomes its out-of-vocabulary bucket's index",
        FeatureTransform.HashBuckets when Width > 1 => "null or empty sets no slot",
        FeatureTransform.HashBuckets => "null or empty becomes -1",
        _ => Kind switch
        {
            FeatureKind.Single or FeatureKind.Double => "NaN stays NaN",
            FeatureKind.Enum => "an undeclared value sets no slot",
            _ => "never missing",
        },
    };

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Kind}, {Transform}, {Width} at {Offset})";
}
