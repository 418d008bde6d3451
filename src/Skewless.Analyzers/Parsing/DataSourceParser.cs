using Microsoft.CodeAnalysis;
using Skewless.Analyzers.Model;

namespace Skewless.Analyzers.Parsing;

/// <summary>
/// Describes the input type of a feature set as an upstream data dependency: its <c>[DataSource]</c>
/// and the members a feature could read. The generator's dependency map and the underutilised-data
/// analyzer (SKW500) share it, so both see the same members.
/// </summary>
internal static class DataSourceParser
{
    public const string Label = "label";
    public const string EventTime = "eventTime";
    public const string GroupKey = "groupKey";
    public const string NotAtServing = "notAtServing";
    public const string ModelOutput = "modelOutput";

    // The member attributes worth a role in the map, by attribute class name (all in namespace Skewless).
    private static readonly (string Attribute, string Role)[] RoleAttributes =
    {
        ("LabelAttribute", Label),
        ("EventTimeAttribute", EventTime),
        ("GroupKeyAttribute", GroupKey),
        ("NotAtServingAttribute", NotAtServing),
        ("ModelOutputAttribute", ModelOutput),
    };

    public static DataSourceModel Parse(ITypeSymbol type, KnownSymbols symbols)
    {
        var attribute = symbols.DataSourceOf(type);
        return new DataSourceModel(
            type.ToDisplayString(FeatureSetParser.NameWithoutGlobal),
            attribute is null ? null : UpstreamName(attribute),
            attribute is null ? null : FeatureSetParser.NamedArgument(attribute, "Owner") as string,
            attribute is null ? null : FeatureSetParser.NamedArgument(attribute, "Version") as string,
            Members(type).Select(member => new DataMemberModel(member.Name, Roles(member))).ToEquatableArray());
    }

    /// <summary>The upstream name a <c>[DataSource]</c> gives, or <see langword="null"/> while it is being typed.</summary>
    public static string? UpstreamName(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;

    /// <summary>
    /// The instance fields and properties of <paramref name="type"/> and its base types that code
    /// outside the type could read (not private or protected), base type first; a member hidden
    /// or overridden by a derived one counts once.
    /// </summary>
    public static IReadOnlyList<ISymbol> Members(ITypeSymbol type)
    {
        var chain = new List<ITypeSymbol>();
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            chain.Insert(0, current);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<ISymbol>();
        foreach (var declaring in chain)
        {
            foreach (var member in declaring.GetMembers())
            {
                if (IsData(member) && seen.Add(member.Name))
                {
                    members.Add(member);
                }
            }
        }

        return members;
    }

    /// <summary>The roles the member's own attributes give it, in a fixed order.</summary>
    public static EquatableArray<string> Roles(ISymbol member)
    {
        var attributes = member.GetAttributes()
            .Where(attribute => attribute.AttributeClass is { ContainingNamespace: { Name: "Skewless", ContainingNamespace.IsGlobalNamespace: true } })
            .Select(attribute => attribute.AttributeClass!.Name)
            .ToList();
        return RoleAttributes.Where(role => attributes.Contains(role.Attribute)).Select(role => role.Role).ToEquatableArray();
    }

    private static bool IsData(ISymbol member) =>
        member is IPropertySymbol { IsIndexer: false } or IFieldSymbol { IsConst: false }
        && !member.IsStatic
        && !member.IsImplicitlyDeclared
        && member.DeclaredAccessibility is not (Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal);
}
