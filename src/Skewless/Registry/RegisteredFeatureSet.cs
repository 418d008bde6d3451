namespace Skewless;

/// <summary>One feature set of a <see cref="FeatureSetRegistry"/>: its schema, its input type, and how to load its artifacts. Created by generated code.</summary>
public sealed class RegisteredFeatureSet
{
    private readonly Func<Stream, ArtifactLoadOptions, object> _load;

    private RegisteredFeatureSet(FeatureSchema schema, Type inputType, Func<Stream, ArtifactLoadOptions, object> load)
    {
        Schema = schema;
        InputType = inputType;
        _load = load;
    }

    /// <summary>The feature set's schema: its logical name, version and fingerprint among the rest.</summary>
    public FeatureSchema Schema { get; }

    /// <summary>The row type the feature set takes.</summary>
    public Type InputType { get; }

    /// <summary>Registers a feature set over rows of <typeparamref name="TRow"/>.</summary>
    /// <typeparam name="TRow">The feature set's input type.</typeparam>
    /// <param name="schema">The feature set's schema.</param>
    /// <param name="load">The feature set's own <c>Fitted.Load</c>.</param>
    /// <returns>The registration.</returns>
    public static RegisteredFeatureSet Of<TRow>(FeatureSchema schema, Func<Stream, ArtifactLoadOptions, IFittedFeatureSet<TRow>> load)
    {
        Guard.NotNull(schema, nameof(schema));
        Guard.NotNull(load, nameof(load));
        return new RegisteredFeatureSet(schema, typeof(TRow), load);
    }

    internal object Load(Stream source, ArtifactLoadOptions options) => _load(source, options);
}
