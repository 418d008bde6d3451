using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skewless.Analyzers.Model;

namespace Skewless.Analyzers.Parsing;

/// <summary>Reads what monitoring needs from a definition: each feature's drift threshold and the input's label.</summary>
internal static class MonitoringParser
{
    private const string DriftThresholdAttributeName = "Skewless.DriftThresholdAttribute";
    private const string LabelAttributeName = "Skewless.LabelAttribute";
    private static readonly char[] NameSeparators = { '.', ':' };

    /// <summary>The feature's <c>[DriftThreshold]</c>, or <see langword="null"/> without one; a negative or non-finite threshold is ignored.</summary>
    public static double? DriftThreshold(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == DriftThresholdAttributeName && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is double threshold && threshold >= 0 && !double.IsInfinity(threshold))
            {
                return threshold;
            }
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
