using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using System.Globalization;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Emitting;
using Skewless.Analyzers.Model;

namespace Skewless.Analyzers.Parsing;

/// <summary>Reads what monitoring needs from a definition: each feature's drift threshold and the input's label.</summary>
internal static class MonitoringParser
{
    private const string DriftThresholdAttributeName = "Skewless.DriftThresholdAttribute";
    private const string LabelAttributeName = "Skewless.LabelAttribute";
    private static readonly char[] NameSeparators = { '.', ':' };

    /// <summary>
    /// The feature's <c>[DriftThreshold]</c>, or <see langword="null"/> without one; a negative or non-finite threshold is
    /// ignored. Reports one that is ignored, or that the feature's distance can never cross (SKW113).
    /// </summary>
    public static double? DriftThreshold(IMethodSymbol method, FeatureKind kind, ICollection<Diagnostic>? diagnostics, CancellationToken cancellationToken)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != DriftThresholdAttributeName || attribute.ConstructorArguments.Length != 1
                || attribute.ConstructorArguments[0].Value is not double threshold)
            {
                continue;
            }

            var (distance, largest) = StatisticsEmitter.IsNumeric(kind) ? ("Jensen-Shannon divergence", Math.Log(2)) : ("L-infinity distance", 1.0);
            var problem = double.IsNaN(threshold) || double.IsInfinity(threshold) || threshold < 0
                ? "is not a distance, so it is ignored and the feature gets the default threshold"
                : threshold >= largest
                    ? $"can never be crossed: the feature's {distance} is at most {largest.ToString("0.###", CultureInfo.InvariantCulture)}"
                    : null;
            if (problem is not null && diagnostics is not null)
            {
                var location = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? method.Locations.FirstOrDefault();
                diagnostics.Add(Diagnostic.Create(Descriptors.DriftThresholdOutOfRange, location, threshold.ToString("R", CultureInfo.InvariantCulture), method.Name, problem));
            }

            return threshold >= 0 && !double.IsInfinity(threshold) ? threshold : null;
        }

        return null;
    }

    /// <summary>
    /// The first <c>[Label]</c> property or field of <paramref name="inputType"/> (or its base types) that
    /// the feature set can read and whose type a feature could return, or <see langword="null"/>.
    /// </summary>
    public static LabelModel? Label(ITypeSymbol inputType, INamedTypeSymbol featureSet, Compilation compilation, Func<ITypeSymbol, FeatureKind?> classify)
    {
        for (var type = inputType; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                var memberType = member switch
                {
                    IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod: not null } property => property.Type,
                    IFieldSymbol { IsStatic: false } field => field.Type,
                    _ => null,
                };
                if (memberType is null || !member.GetAttributes().Any(attribute => attribute.AttributeClass?.ToDisplayString() == LabelAttributeName)
                    || !compilation.IsSymbolAccessibleWithin(member, featureSet) || classify(memberType) is not { } kind)
                {
                    continue;
                }

                return new LabelModel(
                    member.Name,
                    kind,
                    memberType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    kind == FeatureKind.Enum ? FeatureSetParser.EnumMembers((INamedTypeSymbol)memberType) : EquatableArray<string>.Empty);
            }
        }

        return null;
    }

    /// <summary>The declaration without its <c>[DriftThreshold]</c> attributes: a monitoring setting, not part of what the feature computes, so it must not change the fingerprint.</summary>
    public static SyntaxNode WithoutMonitoringSettings(SyntaxNode declaration)
    {
        var settings = declaration.DescendantNodes().OfType<AttributeSyntax>().Where(IsDriftThreshold).ToList();
        if (settings.Count == 0)
        {
            return declaration;
        }

        var removed = settings
            .Select(attribute => attribute.Parent is AttributeListSyntax list && list.Attributes.All(IsDriftThreshold) ? (SyntaxNode)list : attribute)
            .Distinct()
            .ToList();
        return declaration.RemoveNodes(removed, Microsoft.CodeAnalysis.SyntaxRemoveOptions.KeepNoTrivia) ?? declaration;
    }

    private static bool IsDriftThreshold(AttributeSyntax attribute)
    {
        var name = attribute.Name.ToString();
        var simple = name.Substring(name.LastIndexOfAny(NameSeparators) + 1);
        return simple is "DriftThreshold" or "DriftThresholdAttribute";
    }
}
