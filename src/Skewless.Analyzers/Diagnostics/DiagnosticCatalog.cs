using Microsoft.CodeAnalysis;

namespace Skewless.Analyzers.Diagnostics;

/// <summary>Every Skewless diagnostic ID, grouped by concern. Each has a page at <c>docs/rules/&lt;ID&gt;.md</c>.</summary>
internal static class DiagnosticIds
{
    // Definitions: misuse of the attributes.
    public const string FeatureSetShape = "SKW100";
    public const string FeatureSignature = "SKW101";
    public const string UnsupportedFeatureType = "SKW102";
    public const string TransformMisuse = "SKW103";
    public const string FeatureName = "SKW104";
    public const string InputWithoutDataSource = "SKW105";
    public const string FeatureOutsideFeatureSet = "SKW106";
    public const string ReservedName = "SKW107";
    public const string TransformWithoutFeature = "SKW108";

    // Skew: feature logic that training and serving can compute differently.
    public const string ReimplementedFeature = "SKW300";
    public const string NearCopyOfFeature = "SKW301";
    public const string NondeterministicFeature = "SKW302";
    public const string CultureDependentFeature = "SKW303";
}

/// <summary>The descriptor of every Skewless diagnostic.</summary>
internal static class Descriptors
{
    private const string HelpRoot = "https://github.com/skewless/skewless/blob/main/docs/rules/";

    public const string DefinitionsCategory = "Skewless.Definitions";

    public static readonly DiagnosticDescriptor FeatureSetShape = Create(
        DiagnosticIds.FeatureSetShape,
        "A feature set must be a non-generic static partial class",
        "Feature set '{0}' must be {1}",
        DefinitionsCategory,
        DiagnosticSeverity.Error,
        "The generator completes a [FeatureSet] class with more static members, so the class must be static and partial, must not be generic, and every type it is nested in must be partial and not generic.");

    public static readonly DiagnosticDescriptor FeatureSignature = Create(
        DiagnosticIds.FeatureSignature,
        "A feature must be a static method that takes one row of the input type",
        "Feature '{0}' must be {1}",
        DefinitionsCategory,
        DiagnosticSeverity.Error,
        "Training and serving both call each [Feature] method with one row, so it must be static, non-generic, and take exactly one parameter of the feature set's input type, by value or 'in'.");

    public static readonly DiagnosticDescriptor UnsupportedFeatureType = Create(
        DiagnosticIds.UnsupportedFeatureType,
        "A feature must return a number, bool, enum or encoded string",
        "Feature '{0}' returns '{1}', which {2}",
        DefinitionsCategory,
        DiagnosticSeverity.Error,
        "A feature fills slots of a float vector, so it must return float, double, int, long, bool or an enum, or a string encoded by [Vocabulary] or [HashBuckets].");

    public static readonly DiagnosticDescriptor TransformMisuse = Create(
        DiagnosticIds.TransformMisuse,
        "A transform must suit its feature",
        "Feature '{0}' cannot use {1}: {2}",
        DefinitionsCategory,
        DiagnosticSeverity.Error,
        "[ZScore], [MinMax] and [QuantileBuckets] apply to numbers, [Vocabulary] to strings and enums, and [HashBuckets] to strings. A feature has at most one transform, and its settings must describe a fixed, positive number of slots.");

    public static readonly DiagnosticDescriptor TransformWithoutFeature = Create(
        DiagnosticIds.TransformWithoutFeature,
        "A transform attribute needs [Feature]",
        "Method '{0}' has [{1}] but no [Feature], so nothing fits or applies the transform",
        DefinitionsCategory,
        DiagnosticSeverity.Error,
        "Transforms are fitted and applied only to features. A transform attribute on any other method is ignored, which is never what was meant.");

    public static readonly DiagnosticDescriptor FeatureName = Create(
        DiagnosticIds.FeatureName,
        "Feature names must be unique and not empty",
        "Feature name '{0}' {1}",
        DefinitionsCategory,
        DiagnosticSeverity.Error,
        "The schema and saved artifacts identify features by name, so every feature of a set needs its own non-empty name.");

    public static readonly DiagnosticDescriptor InputWithoutDataSource = Create(
        DiagnosticIds.InputWithoutDataSource,
        "A feature set's input type should be a [DataSource]",
        "Input type '{0}' of feature set '{1}' has no [DataSource]: say where its rows come from and who owns them",
        DefinitionsCategory,
        DiagnosticSeverity.Warning,
        "Features depend on upstream data. Marking the input type with [DataSource(name, Owner, Version)] makes that dependency explicit, so a change upstream is noticed rather than silently absorbed.");

    public static readonly DiagnosticDescriptor FeatureOutsideFeatureSet = Create(
        DiagnosticIds.FeatureOutsideFeatureSet,
        "A [Feature] method must be in a [FeatureSet] class",
        "Method '{0}' is marked [Feature], but '{1}' is not a [FeatureSet], so no training or serving code calls it",
        DefinitionsCategory,
        DiagnosticSeverity.Error,
        "Only methods of a [FeatureSet] class become features. A [Feature] anywhere else is ignored by the generator, which is never what was meant.");

    public static readonly DiagnosticDescriptor ReservedName = Create(
        DiagnosticIds.ReservedName,
        "A member name collides with generated code",
        "'{0}' collides with the generated member '{1}'; rename it",
        DefinitionsCategory,
        DiagnosticSeverity.Error,
        "The generator adds Fingerprint, Schema, Vector, Fit, Accumulator, Fitted and TermOf to a feature set, and gives its Vector a field per feature besides Width and CopyTo. A user member with one of those names would not compile.");

    public const string SkewCategory = "Skewless.Skew";

    public static readonly DiagnosticDescriptor ReimplementedFeature = Create(
        DiagnosticIds.ReimplementedFeature,
        "A feature's logic is re-implemented outside its feature set",
        "This re-implements feature '{0}': call the feature instead, so that training and serving compute it the same way",
        SkewCategory,
        DiagnosticSeverity.Warning,
        "Serving code that recomputes a feature by hand drifts from the training definition the first time either side changes. The copy is found with renamed variables, locals, casts and parentheses, as a block or an expression body, and over any expression of the input type.");

    public static readonly DiagnosticDescriptor NearCopyOfFeature = Create(
        DiagnosticIds.NearCopyOfFeature,
        "A near copy of a feature differs only in its constants",
        "This copies feature '{0}' with other constants: {1}",
        SkewCategory,
        DiagnosticSeverity.Warning,
        "Code that computes a feature the same way but with another number (distance / 1000 where the feature has distance / 100) is the worst kind of skew: it looks right and serves wrong values. Call the feature, or if the difference is meant, make it a feature of its own.");

    public static readonly DiagnosticDescriptor NondeterministicFeature = Create(
        DiagnosticIds.NondeterministicFeature,
        "A feature must be deterministic",
        "Feature '{0}' {1}{2}, so training and serving can compute different values for the same row",
        SkewCategory,
        DiagnosticSeverity.Error,
        "A feature must be a function of its row. The clock, randomness, GUIDs, the environment, files, the network, the console and mutable static state give another value at serving time than at training time. Put what the feature needs into the row, or pass a TimeProvider through it.");

    public static readonly DiagnosticDescriptor CultureDependentFeature = Create(
        DiagnosticIds.CultureDependentFeature,
        "A feature must not depend on the current culture",
        "Feature '{0}' calls {1} {2}{3}, so its value depends on the culture of the machine that runs it",
        SkewCategory,
        DiagnosticSeverity.Warning,
        "Parsing and formatting numbers and dates, changing case and comparing strings follow the current culture unless told otherwise, and a training cluster and a serving host rarely share one. Pass CultureInfo.InvariantCulture or StringComparison.Ordinal.");

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description, helpLinkUri: HelpRoot + id + ".md");
}
