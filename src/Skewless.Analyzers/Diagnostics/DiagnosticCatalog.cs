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
    public const string DuplicateFeatureSetVersion = "SKW109";
    public const string UnusableInputType = "SKW110";
    public const string FeatureSetTooWide = "SKW111";
    public const string UnsplittableEventTime = "SKW112";
    public const string DriftThresholdOutOfRange = "SKW113";
    public const string RegistryNamespaceTaken = "SKW114";

    // Leakage: features, splits and fits that let the model see what it will not have when serving.
    public const string LabelDependency = "SKW200";
    public const string NotAtServingDependency = "SKW201";
    public const string ModelOutputDependency = "SKW202";
    public const string RandomGroupSplit = "SKW203";
    public const string RandomTimeSplit = "SKW204";
    public const string PreprocessingLeakage = "SKW205";
    public const string TrainingRowsEvaluation = "SKW206";
    public const string BestFoldModel = "SKW207";
    public const string TestSetSelection = "SKW208";
    public const string LabelSamplingKey = "SKW209";

    // Skew: feature logic that training and serving can compute differently.
    public const string ReimplementedFeature = "SKW300";
    public const string NearCopyOfFeature = "SKW301";
    public const string NondeterministicFeature = "SKW302";
    public const string CultureDependentFeature = "SKW303";
    public const string ReimplementedOverLookAlike = "SKW304";

    // Dependencies: library versions that are not pinned, or differ between training and serving.
    public const string FloatingVersion = "SKW400";
    public const string VersionRange = "SKW401";
    public const string ApplicationWithoutLockFile = "SKW402";
    public const string LockFileNotEnforced = "SKW403";
    public const string PeerVersionMismatch = "SKW404";
    public const string FeatureLibraryVersionMismatch = "SKW405";
    public const string UnreadableDependencyFile = "SKW406";

    // Data dependencies: upstream data that is unused or unowned.
    public const string UnderutilisedDataMember = "SKW500";
    public const string UnownedDataSource = "SKW501";

    // Contracts: feature set versions recorded in FeatureSets.Shipped.txt.
    public const string ChangedWithoutNewVersion = "SKW502";
    public const string UnrecordedFeatureSet = "SKW503";
    public const string UnrecordableFeatureSetName = "SKW504";
    public const string UndeclaredRecordedVersion = "SKW505";
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
        "The generator completes a [FeatureSet] class with more static members in another file, so the class must be static and partial, must not be generic or file-local, and every type it is nested in must be partial and not generic.");

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

    public static readonly DiagnosticDescriptor UnusableInputType = Create(
        DiagnosticIds.UnusableInputType,
        "A feature set's input type must be one the generated code can take",
        "Feature set '{0}' cannot take input type '{1}': {2}",
        DefinitionsCategory,
        DiagnosticSeverity.Error,
        "The generated Fit, Transform and Accumulator take rows of the input type in public members, collections and spans. The input must be a closed, non-pointer type that can be a collection element (not a ref struct or static class) and at least as accessible as the feature set. Nothing is generated for a feature set whose input is not.");

    public static readonly DiagnosticDescriptor FeatureSetTooWide = Create(
        DiagnosticIds.FeatureSetTooWide,
        "A feature set's vector must fit the width limit",
        "Feature set '{0}' is {1} slots wide, more than the {2} a feature set may have: use fewer buckets or smaller vocabularies, or index encoding",
        DefinitionsCategory,
        DiagnosticSeverity.Error,
        "Every row becomes a vector of Vector.Width floats, which a dense matrix holds row after row. A feature set may be at most 16,777,216 (2^24) slots wide; nothing is generated for a wider one.");

    public static readonly DiagnosticDescriptor UnsplittableEventTime = Create(
        DiagnosticIds.UnsplittableEventTime,
        "An [EventTime] member should be a date and time",
        "'{0}' is marked [EventTime] but is {1}: feature sets of '{2}' get no SplitByTime, which takes DateTime, DateTimeOffset or DateOnly. {3}",
        DefinitionsCategory,
        DiagnosticSeverity.Warning,
        "The generated SplitByTime puts every row before or after a cutoff by its event time. It takes DateTime, DateTimeOffset or DateOnly; a number could be seconds or milliseconds, and a nullable time leaves a row on neither side, so such a member gets no split, while SKW204 still reports random splits of the rows.");

    public static readonly DiagnosticDescriptor DriftThresholdOutOfRange = Create(
        DiagnosticIds.DriftThresholdOutOfRange,
        "A [DriftThreshold] should be within its distance's range",
        "The [DriftThreshold({0})] of feature '{1}' {2}",
        DefinitionsCategory,
        DiagnosticSeverity.Warning,
        "A report flags a feature when its distance exceeds the threshold. The L-infinity distance of a categorical feature lies from 0 to 1 and the Jensen-Shannon divergence of a numeric one from 0 to ln 2 (about 0.693), so a threshold at or above the top is never crossed, and a negative or non-finite one is ignored for the default.");

    public static readonly DiagnosticDescriptor RegistryNamespaceTaken = Create(
        DiagnosticIds.RegistryNamespaceTaken,
        "The feature set registry's namespace must be free",
        "The registry of this assembly's feature sets is generated as '{0}.FeatureSets', and {1} already takes that name, so the compiler reports CS0101: set <SkewlessRegistryNamespace> in the project file to another namespace",
        DefinitionsCategory,
        DiagnosticSeverity.Error,
        "Skewless generates a FeatureSets class, which loads every version of every feature set, in the namespace named after the assembly unless the SkewlessRegistryNamespace property names another. A type with that namespace's name, or of one of its parts (a row class Zip in project Zip), or a FeatureSets type or namespace of its own, clashes with it.");

    public static readonly DiagnosticDescriptor TransformMisuse = Create(
        DiagnosticIds.TransformMisuse,
        "A transform must suit its feature",
        "Feature '{0}' cannot use {1}: {2}",
        DefinitionsCategory,
        DiagnosticSeverity.Error,
        "[ZScore], [MinMax] and [QuantileBuckets] apply to numbers, [Vocabulary] to strings and enums, and [HashBuckets] to strings. A feature has at most one transform, and its settings must describe a fixed, positive number of slots, buckets or terms, at most 1,048,576 (2^20).");

    public static readonly DiagnosticDescriptor TransformWithoutFeature = Create(
        DiagnosticIds.TransformWithoutFeature,
        "A transform attribute needs [Feature]",
        "Method '{0}' has [{1}] but no [Feature], so nothing fits or applies the transform",
        DefinitionsCategory,
        DiagnosticSeverity.Error,
        "Transforms are fitted and applied only to features. A transform attribute on any other method is ignored, which is never what was meant.");

    public static readonly DiagnosticDescriptor DuplicateFeatureSetVersion = Create(
        DiagnosticIds.DuplicateFeatureSetVersion,
        "Two feature sets must not declare the same logical name and version",
        "Feature set '{0}' declares {1} v{2}, as '{3}' does: give one of them its own logical name with Name = \"...\" in its [FeatureSet], or another Version",
        DefinitionsCategory,
        DiagnosticSeverity.Error,
        "An artifact records the logical name and version of the feature set it was fitted with, and the generated FeatureSets.Load serves it through the one class that declares them. Two classes with the same name and version make that choice ambiguous.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor FeatureName = Create(
        DiagnosticIds.FeatureName,
        "Feature names must be unique, not empty, and on one line",
        "Feature name '{0}' {1}",
        DefinitionsCategory,
        DiagnosticSeverity.Error,
        "The schema and saved artifacts identify features by name, so every feature of a set needs its own non-empty name. A name is also written into generated documentation, so it cannot contain a line break or other control character.");

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
        "Method '{0}' is marked [Feature], but {1}, so no training or serving code calls it",
        DefinitionsCategory,
        DiagnosticSeverity.Error,
        "Only methods of a [FeatureSet] class become features. A [Feature] anywhere else, including on a local function or a lambda, is ignored by the generator, which is never what was meant.");

    public static readonly DiagnosticDescriptor ReservedName = Create(
        DiagnosticIds.ReservedName,
        "A member name collides with generated code",
        "'{0}' collides with the generated member '{1}'; rename it",
        DefinitionsCategory,
        DiagnosticSeverity.Error,
        "The generator adds Fingerprint, Schema, Vector, Fit, Accumulator, Fitted, TermOf, SplitByTime, SplitByGroup and SplitByTimeAndGroup to a feature set, and gives its Vector a field per feature besides Width and CopyTo. A user member with one of those names would not compile, so nothing is generated for the feature set until it is renamed.");

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
        "Rows of '{0}' are grouped by '{1}', but {2}, so one group can be in both training and test; {3}",
        LeakageCategory,
        DiagnosticSeverity.Warning,
        "Rows that share a group key (an author, a patient, an aircraft) are alike. A random split puts some of a group in training and the rest in test, so the test measures memory of the group, not generalisation to new ones. A split by time alone leaves groups on both sides too. Split by a stable hash of the key: the generated SplitByGroup, ML.NET with samplingKeyColumnName, or, for rows that also have an [EventTime], the generated SplitByTimeAndGroup.");

    public static readonly DiagnosticDescriptor RandomTimeSplit = Create(
        DiagnosticIds.RandomTimeSplit,
        "Rows with an [EventTime] must not be split at random",
        "Rows of '{0}' have event time '{1}', but {2}, so training sees rows from after the ones it is tested on; {3}",
        LeakageCategory,
        DiagnosticSeverity.Warning,
        "A model serves the future from the past. A random split of time-stamped rows trains on rows recorded after the test rows, which serving never can. A split by group alone is just as random in time. Split by time: the generated SplitByTime trains on rows before a cutoff and tests on the rest, and for rows that also have a [GroupKey] the generated SplitByTimeAndGroup keeps each group on one side as well.");

    public static readonly DiagnosticDescriptor PreprocessingLeakage = Create(
        DiagnosticIds.PreprocessingLeakage,
        "Fit on the training rows only",
        "{0} '{1}', which includes the rows evaluated in '{2}': {3}",
        LeakageCategory,
        DiagnosticSeverity.Warning,
        "Statistics fitted on data that includes the evaluation rows (means, ranges, vocabularies, a trained model) carry information from those rows into training, so the evaluation is optimistic. Split first, fit on the training side, and apply the fitted result to the test side.");

    public static readonly DiagnosticDescriptor TrainingRowsEvaluation = Create(
        DiagnosticIds.TrainingRowsEvaluation,
        "Evaluate the model on rows it was not trained on",
        "This evaluates the model on '{0}', the rows it was trained on{1}: the metrics show how well it fits them, not how it predicts new rows; evaluate it on held-out rows, such as a split's test side",
        LeakageCategory,
        DiagnosticSeverity.Warning,
        "A model evaluated only on its training rows, or on the same file loaded again as the test file, scores as well as it memorised them. Evaluate on rows held out from training; training metrics beside such an evaluation are fine.");

    public static readonly DiagnosticDescriptor BestFoldModel = Create(
        DiagnosticIds.BestFoldModel,
        "Fit the model on all the training rows, not the best cross-validation fold",
        "This takes the model of the cross-validation fold that scored best: it was trained on only part of the rows, and the best of several fold scores overstates how it will do; fit the pipeline on all the training rows, and report the mean of the folds' scores",
        LeakageCategory,
        DiagnosticSeverity.Warning,
        "Cross-validation estimates how well a pipeline does; its folds' models are by-products, each trained on part of the rows. The fold that scored best mostly drew the easiest test rows, so its score is the most optimistic of them, and its model is no better than the others. Fit the pipeline once on every training row and report the folds' mean score as its estimate.");

    public static readonly DiagnosticDescriptor TestSetSelection = Create(
        DiagnosticIds.TestSetSelection,
        "Choose among models on a validation side, not on the test rows",
        "This keeps the model that scores best on '{0}', the test rows, so its score there overstates how it will do on new rows: choose among the models on a validation side, and score only the chosen one on '{0}'",
        LeakageCategory,
        DiagnosticSeverity.Warning,
        "Trying several models (settings, window sizes, trainers) and keeping the one that scores best on the test rows fits the choice to those rows: the best of several noisy scores is optimistic, and the test rows no longer measure anything the choice did not see. Split a validation side off the training rows, choose on it, and score the chosen model once on the test rows.");

    public static readonly DiagnosticDescriptor LabelSamplingKey = Create(
        DiagnosticIds.LabelSamplingKey,
        "Do not key a split by the label",
        "{0} with sampling key '{1}', {2}, puts every row of one label value {3} can hold a single class; a sampling key does not stratify: {4}",
        LeakageCategory,
        DiagnosticSeverity.Warning,
        "ML.NET's TrainTestSplit and CrossValidate hash the sampling key column so that rows with the same key value land on the same side. Keyed by a binary or categorical label, every row of a class goes to one side: the test rows can hold a single class, and the metrics are undefined or meaningless. A sampling key keeps groups apart; it does not stratify. Drop it, or key the split by the rows' group.");

    public const string DependenciesCategory = "Skewless.Dependencies";

    public static readonly DiagnosticDescriptor FloatingVersion = Create(
        DiagnosticIds.FloatingVersion,
        "Pin floating package versions",
        "{0} '{1}' uses the floating version '{2}', so each restore can pick a newer release and change what the feature code computes; pin it{3}",
        DependenciesCategory,
        DiagnosticSeverity.Warning,
        "A floating version such as '*', '1.*' or '1.2.3-*' resolves to the newest matching release at each restore, so training and serving (or two trainings) can run different library code. Pin the version that restore resolves today.");

    public static readonly DiagnosticDescriptor VersionRange = Create(
        DiagnosticIds.VersionRange,
        "Use a plain minimum or an exact package version, not a range",
        "{0} '{1}' asks for the range '{2}', so what restore resolves depends on which versions each feed and each dependency allow; use a plain version{3}",
        DependenciesCategory,
        DiagnosticSeverity.Warning,
        "A range with an upper bound, such as '[1.0,2.0)', lets restore resolve different versions as feeds change and dependencies ask for more. A plain version ('1.2.3') resolves to itself wherever it exists; '[1.2.3]' pins exactly.");

    public static readonly DiagnosticDescriptor ApplicationWithoutLockFile = Create(
        DiagnosticIds.ApplicationWithoutLockFile,
        "Applications should restore with a lock file",
        "'{0}' is an application ({1}) but restores without a lock file, so its transitive packages can resolve differently on each machine; set RestorePackagesWithLockFile to true and commit packages.lock.json",
        DependenciesCategory,
        DiagnosticSeverity.Warning,
        "An application (OutputType Exe, or IsPackable false) deploys exactly what it restored. Without packages.lock.json, restore on the build machine can pick other transitive versions than on the machine that trained the model. Libraries keep their ranges; applications pin.");

    public static readonly DiagnosticDescriptor LockFileNotEnforced = Create(
        DiagnosticIds.LockFileNotEnforced,
        "Enforce the lock file on continuous-integration builds",
        "'{0}' has a lock file, but this continuous-integration build restores without RestoreLockedMode, so a stale packages.lock.json is silently rewritten instead of failing the build; set RestoreLockedMode to true when ContinuousIntegrationBuild is true",
        DependenciesCategory,
        DiagnosticSeverity.Warning,
        "A lock file only pins what CI builds if restore refuses to change it. With RestoreLockedMode, restore fails when the project's references no longer match packages.lock.json.");

    public static readonly DiagnosticDescriptor PeerVersionMismatch = Create(
        DiagnosticIds.PeerVersionMismatch,
        "Training and serving must resolve shared packages to the same versions",
        "Package '{0}' resolves to {1} here but to {2} in the peer lock file '{3}', so the two sides run different library code",
        DependenciesCategory,
        DiagnosticSeverity.Warning,
        "Projects named with <SkewlessPeerLockFile Include=\"...\"/> (for example the serving project of a training project) must resolve every package they share to the same version, or the same feature code computes different numbers on each side.");

    public static readonly DiagnosticDescriptor FeatureLibraryVersionMismatch = Create(
        DiagnosticIds.FeatureLibraryVersionMismatch,
        "Feature code must run with the library versions it was built against",
        "Feature set '{0}' in '{1}' was compiled against {2} {3}, but this project compiles against {2} {4}{5}, so the features would compute with other library code than they were built and fitted with",
        DependenciesCategory,
        DiagnosticSeverity.Error,
        "The generator records, in each features assembly, the version of every library its feature code calls. A project that references that assembly while resolving another version of such a library runs the features with code they were not fitted with.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UnreadableDependencyFile = Create(
        DiagnosticIds.UnreadableDependencyFile,
        "A dependency file could not be read",
        "Skewless could not read the {0} '{1}': {2}; the dependency rules that need it were skipped",
        DependenciesCategory,
        DiagnosticSeverity.Info,
        "The dependency rules read the project file, Directory.Packages.props, obj/project.assets.json and packages.lock.json. A file that is empty, truncated or not well-formed is skipped rather than failing the build.");

    public const string DataDependenciesCategory = "Skewless.DataDependencies";

    public static readonly DiagnosticDescriptor UnderutilisedDataMember = Create(
        DiagnosticIds.UnderutilisedDataMember,
        "A data source member that nothing reads is an underutilised dependency",
        "'{0}' of data source '{1}' is read by no feature and is not the label, a group key, the event time, [NotAtServing(\"why\")] or [ModelOutput]: stop depending on it, or suppress this with the reason it stays",
        DataDependenciesCategory,
        DiagnosticSeverity.Info,
        "Every member of an upstream data source is a dependency: when it changes or disappears upstream, the pipeline that produces it must keep up. A member that no feature set of the project reads costs that maintenance and adds nothing to the model.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UnownedDataSource = Create(
        DiagnosticIds.UnownedDataSource,
        "A data source should name its owner and version",
        "Data source '{0}' has no {1}: say who produces the data and which version of it this code was written against",
        DataDependenciesCategory,
        DiagnosticSeverity.Info,
        "A data source without an owner has nobody to ask before it changes, and one without a version cannot say which snapshot or schema the features were written against; both make it an unstable dependency.");

    public const string ContractsCategory = "Skewless.Contracts";

    public static readonly DiagnosticDescriptor ChangedWithoutNewVersion = Create(
        DiagnosticIds.ChangedWithoutNewVersion,
        "A feature set's definition changed but its Version did not",
        "Feature set '{0}' no longer matches {1} v{2} as recorded in FeatureSets.Shipped.txt ({3}), but its Version is still {2}: a model trained on v{2} would be served different features. Bump Version, or update the entry if the change is compatible.",
        ContractsCategory,
        DiagnosticSeverity.Warning,
        "FeatureSets.Shipped.txt records the fingerprint of every feature set version that models may have been trained with. Changing a definition without raising its Version means that rolling back to an older model serves it features it was not trained on.");

    public static readonly DiagnosticDescriptor UnrecordedFeatureSet = Create(
        DiagnosticIds.UnrecordedFeatureSet,
        "A feature set version is not recorded in FeatureSets.Shipped.txt",
        "Feature set '{0}' ({1} v{2}) is not recorded in FeatureSets.Shipped.txt{3}: record it, so that a later change to its definition is noticed",
        ContractsCategory,
        DiagnosticSeverity.Info,
        "Only a version recorded in FeatureSets.Shipped.txt is checked for changes (SKW502). Record each version once it is used to train a model that may be served.");

    public static readonly DiagnosticDescriptor UnrecordableFeatureSetName = Create(
        DiagnosticIds.UnrecordableFeatureSetName,
        "A feature set's logical name must fit on one line of FeatureSets.Shipped.txt",
        "Feature set '{0}' has the logical name \"{1}\", which {2}, so FeatureSets.Shipped.txt cannot record it: set a Name = \"...\" on one line that neither starts with '#' nor starts or ends with white space",
        ContractsCategory,
        DiagnosticSeverity.Warning,
        "FeatureSets.Shipped.txt gives each recorded version a header line that starts with its logical name. A name with a line break, or one that starts with '#' or white space or ends with white space, would be read back as another line or another name, so the version could never be recorded and checked (SKW502, SKW503).");

    public static readonly DiagnosticDescriptor UndeclaredRecordedVersion = Create(
        DiagnosticIds.UndeclaredRecordedVersion,
        "A recorded feature set version must still be declared, or its models cannot be rolled back to",
        "FeatureSets.Shipped.txt records {0} v{1}, but no feature set of this project declares it, so a model trained with it can no longer be served: keep a class for it ([FeatureSet(..., Name = \"{0}\", Version = {1})]), or remove its entry once no such model may be rolled back to",
        ContractsCategory,
        DiagnosticSeverity.Warning,
        "Serving an artifact needs the code of the version that fitted it: FeatureSets.Load finds it by logical name and version. A version recorded in the contract whose class was deleted or renumbered fails only at run time, when a rollback to an older model needs it.",
        WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description, params string[] customTags) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description, helpLinkUri: HelpRoot + id + ".md", customTags);

    public const string SkewCategory = "Skewless.Skew";

    public static readonly DiagnosticDescriptor ReimplementedFeature = Create(
        DiagnosticIds.ReimplementedFeature,
        "A feature's logic is re-implemented outside its feature set",
        "This re-implements feature '{0}': {1}, so that training and serving compute it the same way",
        SkewCategory,
        DiagnosticSeverity.Warning,
        "Serving code that recomputes a feature by hand drifts from the training definition the first time either side changes. The copy is found with renamed variables, locals, casts and parentheses, as a block or an expression body, and over any expression of the input type.");

    public static readonly DiagnosticDescriptor ReimplementedOverLookAlike = Create(
        DiagnosticIds.ReimplementedOverLookAlike,
        "A feature's logic is re-implemented over a look-alike of its row type",
        "This re-implements feature '{0}' over {1}{3}: build a {2} from it and serve it with the feature set, so that training and serving compute it the same way",
        SkewCategory,
        DiagnosticSeverity.Warning,
        "Serving code often receives a request type of its own, with the same members as the training row, or the row's values as parameters, and recomputes features from them by hand. That copy drifts from the training definition the first time either side changes. It is reported when it computes exactly what a feature computes, reading fields, properties or parameters of the same names and types as the row's members, or the same but dividing integers where the feature divides floats, or reading another part of the same date or time.");

    public static readonly DiagnosticDescriptor NearCopyOfFeature = Create(
        DiagnosticIds.NearCopyOfFeature,
        "A near copy of a feature differs only in its constants",
        "This copies feature '{0}' with {1}",
        SkewCategory,
        DiagnosticSeverity.Warning,
        "Code that computes a feature the same way but with another number (distance / 1000 where the feature has distance / 100), or over another part of the same date (date.Month / 366f where the feature has date.DayOfYear / 366f), is the worst kind of skew: it looks right and serves wrong values. Call the feature, or if the difference is meant, make it a feature of its own.");

    public static readonly DiagnosticDescriptor NondeterministicFeature = Create(
        DiagnosticIds.NondeterministicFeature,
        "A feature must be deterministic",
        "Feature '{0}' {1}{2}, so training and serving can compute different values for the same row",
        SkewCategory,
        DiagnosticSeverity.Error,
        "A feature must be a function of its row. The clock, randomness, GUIDs, the environment and its time zone, files, the network, the console and mutable static state, such as a collection a static readonly field holds that is changed while rows are computed or filled by other code, give another value at serving time than at training time. Put what the feature needs into the row, or pass a TimeProvider through it; give a date its offset or zone explicitly; fit a table such as a target encoding as an input of the model, or build it once, immutably.");

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
