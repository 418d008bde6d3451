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

    // Leakage: features, splits and fits that let the model see what it will not have when serving.
    public const string LabelDependency = "SKW200";
    public const string NotAtServingDependency = "SKW201";
    public const string ModelOutputDependency = "SKW202";
    public const string RandomGroupSplit = "SKW203";
    public const string RandomTimeSplit = "SKW204";
    public const string PreprocessingLeakage = "SKW205";
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
        "The generator adds Fingerprint, Schema, Vector, Fit, Accumulator, Fitted, TermOf, SplitByTime and SplitByGroup to a feature set, and gives its Vector a field per feature besides Width and CopyTo. A user member with one of those names would not compile.");

    public const string LeakageCategory = "Skewless.Leakage";

    // The dependency messages end with a path such as "via Helper.Bucket(…) → local 'd'", or "directly".
    public static readonly DiagnosticDescriptor LabelDependency = Create(
        DiagnosticIds.LabelDependency,
        "A feature must not depend on the label",
        "Feature '{0}' depends on label '{1}' {2}",
        LeakageCategory,
        DiagnosticSeverity.Error,
        "The label is what the model predicts, so it is unknown when the model serves. A feature that depends on it, directly or through locals, helpers, lambdas, other features or a branch on its value, makes training look far better than serving can be. Calls to code outside the compilation are assumed to depend on all their arguments.");

    public static readonly DiagnosticDescriptor NotAtServingDependency = Create(
        DiagnosticIds.NotAtServingDependency,
        "A feature must not depend on a [NotAtServing] member",
        "Feature '{0}' depends on '{1}' {3}, which is not known at serving time: {2}",
        LeakageCategory,
        DiagnosticSeverity.Error,
        "A [NotAtServing] member is recorded after the moment of prediction. A feature that depends on it has a value in training that serving cannot compute. Calls to code outside the compilation are assumed to depend on all their arguments.");

    public static readonly DiagnosticDescriptor ModelOutputDependency = Create(
        DiagnosticIds.ModelOutputDependency,
        "A feature should not depend on a model's output",
        "Feature '{0}' depends on model output '{1}' {2}, which closes a feedback loop: the model learns from its own predictions",
        LeakageCategory,
        DiagnosticSeverity.Warning,
        "A [ModelOutput] member was produced by this or another model. A feature on it feeds the model's decisions back into its training data, so errors reinforce themselves and offline metrics stop meaning anything. Calls to code outside the compilation are assumed to depend on all their arguments.");

    public static readonly DiagnosticDescriptor RandomGroupSplit = Create(
        DiagnosticIds.RandomGroupSplit,
        "Rows with a [GroupKey] must not be split at random",
        "Rows of '{0}' are grouped by '{1}', but {2} splits them at random, so one group can be on both sides of the split",
        LeakageCategory,
        DiagnosticSeverity.Warning,
        "Rows that share a group key (an author, a patient, an aircraft) are alike. A random split puts some of a group in training and the rest in test, so the test measures memory of the group, not generalisation to new ones. Split by a stable hash of the key: the generated SplitByGroup, or ML.NET with samplingKeyColumnName.");

    public static readonly DiagnosticDescriptor RandomTimeSplit = Create(
        DiagnosticIds.RandomTimeSplit,
        "Rows with an [EventTime] must not be split at random",
        "Rows of '{0}' have event time '{1}', but {2} splits them at random, so training sees rows from after the ones it is tested on",
        LeakageCategory,
        DiagnosticSeverity.Warning,
        "A model serves the future from the past. A random split of time-stamped rows trains on rows recorded after the test rows, which serving never can. Split by time: the generated SplitByTime trains on rows before a cutoff and tests on the rest.");

    public static readonly DiagnosticDescriptor PreprocessingLeakage = Create(
        DiagnosticIds.PreprocessingLeakage,
        "Fit on the training rows only",
        "This fit runs on '{0}', which includes the rows evaluated in '{1}': fit on the training rows only",
        LeakageCategory,
        DiagnosticSeverity.Warning,
        "Statistics fitted on data that includes the evaluation rows (means, ranges, vocabularies, a trained model) carry information from those rows into training, so the evaluation is optimistic. Split first, fit on the training side, and apply the fitted result to the test side.");

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description, helpLinkUri: HelpRoot + id + ".md");
}
