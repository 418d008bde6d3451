using Microsoft.CodeAnalysis;

namespace Skewless.Analyzers.Skew.Clones;

/// <summary>The row types of the features being searched for, and the names of their members.</summary>
internal sealed class InputTypes
{
    private readonly HashSet<ITypeSymbol> _types = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> _memberNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _valueMembers = new(StringComparer.OrdinalIgnoreCase);

    public InputTypes(IEnumerable<ITypeSymbol> types)
    {
        foreach (var type in types)
        {
            if (!_types.Add(type))
            {
                continue;
            }

            for (var current = type as INamedTypeSymbol; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                _memberNames.UnionWith(current.MemberNames);
                foreach (var member in current.GetMembers().Where(member => member is IPropertySymbol { IsIndexer: false } or IFieldSymbol { IsImplicitlyDeclared: false } && !member.IsStatic))
                {
                    _valueMembers[member.Name] = member.Name;
                }
            }
        }
    }

    public bool IsEmpty => _types.Count == 0;

    public bool Contains(ITypeSymbol? type) => type is not null && _types.Contains(type);

    /// <summary>Whether some input type has a member of this name: a cheap test before asking the semantic model.</summary>
    public bool HasMember(string name) => _memberNames.Contains(name);

    /// <summary>The field or property of an input type named <paramref name="name"/> in any case, as a serving method's parameter for it is (<c>date</c> for <c>Date</c>).</summary>
    public string? ValueMemberNamedLike(string name) => _valueMembers.TryGetValue(name, out var member) ? member : null;
}
