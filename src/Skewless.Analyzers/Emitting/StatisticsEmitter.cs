using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;
using Skewless.Analyzers.Model;

namespace Skewless.Analyzers.Emitting;

/// <summary>
/// The monitoring parts of the generated code: the training statistics each feature (and the label)
/// feeds in the fitting pass, and what the kernel shows a monitor. Numbers are shown as numbers,
/// bools and enums by declared position, vocabulary features by their index (whose first terms are
/// the statistics' categories, so no lookup is repeated), other strings as text.
/// </summary>
internal static class StatisticsEmitter
{
    private const string Monitoring = "global::Skewless.Monitoring";

    public static string Field(int feature) => "_statistics" + feature.ToString(CultureInfo.InvariantCulture);

    public const string LabelField = "_labelStatistics";

    /// <summary>The local holding a feature's value in the accumulator and the kernel: the method's result, or a vocabulary's index in the kernel.</summary>
    public static string Local(FeatureModel feature) => "raw" + feature.MethodName;

    /// <summary>The kernel's local holding a hashed feature's <c>StableHash</c>, computed once for the bucket and the observer.</summary>
    public static string HashLocal(FeatureModel feature) => "hash" + feature.MethodName;

    /// <summary>The kernel's local holding a hashed feature's bucket.</summary>
    public static string BucketLocal(FeatureModel feature) => "bucket" + feature.MethodName;

    public static bool IsNumeric(FeatureKind kind) => kind is FeatureKind.Single or FeatureKind.Double or FeatureKind.Int32 or FeatureKind.Int64;

    public static string AccumulatorType(FeatureKind kind) => $"{Monitoring}.{(IsNumeric(kind) ? "Numeric" : "Categorical")}StatisticsAccumulator";

    /// <summary>The accumulator of a feature's statistics, sharing the transform's accumulator where it already holds what statistics need.</summary>
    public static string NewAccumulator(FeatureModel feature, string transformField) =>
        feature.Transform.Kind is FeatureTransform.ZScore or FeatureTransform.MinMax or FeatureTransform.QuantileBuckets or FeatureTransform.Vocabulary
            ? $"new {AccumulatorType(feature.Kind)}({transformField})"
            : NewAccumulator(feature.Kind, feature.EnumMembers);

    public static string NewAccumulator(FeatureKind kind, EquatableArray<string> enumMembers) => kind switch
    {
        FeatureKind.Boolean => $"new {AccumulatorType(kind)}(new string[] {{ \"false\", \"true\" }})",
        FeatureKind.Enum => $"new {AccumulatorType(kind)}(new string[] {{ {string.Join(", ", enumMembers.Select(Literal))} }})",
        _ => $"new {AccumulatorType(kind)}()",
    };

    /// <summary>What a statistics accumulator or an observer is given for a value: a number, a declared position, or a string.</summary>
    public static string Value(FeatureKind kind, string value) => kind switch
    {
        FeatureKind.Boolean => $"{value} ? 1 : 0",
        FeatureKind.Enum => $"OrdinalOf({value})",
        _ => value,
    };

    /// <summary>The statement that shows a feature's value to the kernel's observer.</summary>
    public static string Observe(FeatureModel feature, int index)
    {
        if (feature.Transform.Kind == FeatureTransform.HashBuckets)
        {
            // The kernel hashes the value anyway, and the hash tells a missing value too; the monitor finds the category by it.
            return $"observer.Hashed({index.ToString(CultureInfo.InvariantCulture)}, {HashLocal(feature)});";
        }

        var method = feature.Transform.Kind == FeatureTransform.Vocabulary ? "Category"
            : IsNumeric(feature.Kind) ? "Number"
            : feature.Kind == FeatureKind.String ? "Text"
            : "Category";
        var value = feature.Transform.Kind == FeatureTransform.Vocabulary ? Local(feature) : Value(feature.Kind, Local(feature));
        return $"observer.{method}({index.ToString(CultureInfo.InvariantCulture)}, {value});";
    }

    /// <summary>Writes <c>OrdinalOf</c> for each enum type whose values are counted by declared position.</summary>
    public static void EmitOrdinalOf(IndentedWriter writer, FeatureSetModel model)
    {
        var enums = model.Features
            .Where(feature => feature.Kind == FeatureKind.Enum && feature.Transform.Kind == FeatureTransform.None)
            .Select(feature => (Type: feature.ReturnType, Members: feature.EnumMembers, Start: feature.EnumStart))
            .Concat(model.Label is { Kind: FeatureKind.Enum } label ? new[] { (Type: label.Type, Members: label.EnumMembers, Start: (int?)null) } : Array.Empty<(string Type, EquatableArray<string> Members, int? Start)>())
            .GroupBy(enumType => enumType.Type)
            .Select(group => group.OrderBy(enumType => enumType.Start is null).First());
        foreach (var (type, members, start) in enums)
        {
            writer.Line();
            writer.Line("/// <summary>The position of <paramref name=\"value\"/> among the declared values, which statistics and monitors count; -1 for an undeclared value.</summary>");
            using (writer.Block($"private static int OrdinalOf({type} value)"))
            {
                if (start is { } first)
                {
                    // Consecutive values: the position is the value minus the first, small enough to inline into the kernel.
                    writer.Line(first == 0 ? "var position = (int)value;" : $"var position = unchecked((int)value - {first.ToString(CultureInfo.InvariantCulture)});");
                    writer.Line($"return unchecked((uint)position) < {members.Length.ToString(CultureInfo.InvariantCulture)}u ? position : -1;");
                }
                else
                {
                    using (writer.Block("switch (value)"))
                    {
                        for (var i = 0; i < members.Length; i++)
                        {
                            writer.Line($"case {type}.{Identifier(members[i])}: return {i.ToString(CultureInfo.InvariantCulture)};");
                        }

                        writer.Line("default: return -1;");
                    }
                }
            }
        }
    }

    public static string Threshold(double? threshold) =>
        threshold is { } value ? ", driftThreshold: " + value.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Identifier(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
