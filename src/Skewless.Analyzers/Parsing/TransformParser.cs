using System.Globalization;
using Microsoft.CodeAnalysis;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Model;

namespace Skewless.Analyzers.Parsing;

/// <summary>Reads a feature's transform attribute and checks it suits the feature's type and has sensible settings.</summary>
internal static class TransformParser
{
    private const int OneHot = 0;

    /// <returns>The transform, or <see langword="null"/> when it is invalid and the feature must be left out.</returns>
    public static TransformModel? Parse(IMethodSymbol method, FeatureKind kind, KnownSymbols symbols, ICollection<Diagnostic>? diagnostics)
    {
        var transforms = method.GetAttributes()
            .Select(attribute => (Attribute: attribute, Transform: symbols.TransformOf(attribute)))
            .Where(pair => pair.Transform is not null)
            .ToList();

        if (transforms.Count == 0)
        {
            return TransformModel.None;
        }

        if (transforms.Count > 1)
        {
            return Invalid(method, string.Join(" and ", transforms.Select(pair => $"[{pair.Transform}]")), "a feature has at most one transform", diagnostics);
        }

        var (attribute, transform) = (transforms[0].Attribute, transforms[0].Transform!.Value);
        var name = $"[{transform}]";
        if (!Suits(transform, kind))
        {
            var applies = transform is FeatureTransform.Vocabulary ? "strings and enums" : transform is FeatureTransform.HashBuckets ? "strings" : "numbers";
            return Invalid(method, name, $"it applies to {applies}, not '{method.ReturnType.ToDisplayString()}'", diagnostics);
        }

        var model = transform switch
        {
            FeatureTransform.Vocabulary => new TransformModel(
                transform,
                MaxSize: Named(attribute, "MaxSize", 0),
                MinCount: Named(attribute, "MinCount", 1),
                OovBuckets: Named(attribute, "OovBuckets", 1),
                OneHot: Named(attribute, "Encoding", OneHot) == OneHot),
            FeatureTransform.QuantileBuckets => new TransformModel(transform, Buckets: Positional(attribute)),
            FeatureTransform.HashBuckets => new TransformModel(transform, Buckets: Positional(attribute), OneHot: Named(attribute, "Encoding", OneHot) == OneHot),
            _ => new TransformModel(transform),
        };

        return SettingsProblem(model) is { } problem ? Invalid(method, name, problem, diagnostics) : model;
    }

    private static bool Suits(FeatureTransform transform, FeatureKind kind) => transform switch
    {
        FeatureTransform.Vocabulary => kind is FeatureKind.String or FeatureKind.Enum,
        FeatureTransform.HashBuckets => kind is FeatureKind.String,
        _ => kind is FeatureKind.Single or FeatureKind.Double or FeatureKind.Int32 or FeatureKind.Int64,
    };

    /// <summary>The most slots, buckets or terms a transform may have (2^20): a feature this wide is already a hashing-trick size, and every count fits an <see cref="int"/> and a float exactly.</summary>
    public const int MaxSize = 1 << 20;

    private static string? SettingsProblem(TransformModel model) => model.Kind switch
    {
        FeatureTransform.QuantileBuckets or FeatureTransform.HashBuckets when model.Buckets > MaxSize => $"it may have at most {Count(MaxSize)} buckets, not {Count(model.Buckets)}",
        FeatureTransform.Vocabulary when (long)model.MaxSize + model.OovBuckets > MaxSize =>
            $"MaxSize ({Count(model.MaxSize)}) and OovBuckets ({Count(model.OovBuckets)}) may add up to at most {Count(MaxSize)}",
        FeatureTransform.QuantileBuckets when model.Buckets < 2 => $"it needs at least 2 buckets, not {model.Buckets}",
        FeatureTransform.HashBuckets when model.Buckets < 1 => $"it needs at least 1 bucket, not {model.Buckets}",
        FeatureTransform.Vocabulary when model.MaxSize < 0 || model.MinCount < 1 || model.OovBuckets < 0 =>
            $"MaxSize ({model.MaxSize}) and OovBuckets ({model.OovBuckets}) cannot be negative, and MinCount ({model.MinCount}) must be at least 1",
        FeatureTransform.Vocabulary when model.OneHot && model.MaxSize == 0 =>
            "a one-hot vocabulary needs MaxSize, which fixes its width; set MaxSize, or use Encoding = VocabularyEncoding.Index",
        _ => null,
    };

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static TransformModel? Invalid(IMethodSymbol method, string transform, string problem, ICollection<Diagnostic>? diagnostics)
    {
        diagnostics?.Add(Diagnostic.Create(Descriptors.TransformMisuse, method.Locations.FirstOrDefault(), method.Name, transform, problem));
        return null;
    }

    private static int Positional(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int value ? value : 0;

    private static int Named(AttributeData attribute, string name, int fallback)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Value is int value)
            {
                return value;
            }
        }

        return fallback;
    }
}
