using Microsoft.CodeAnalysis;

namespace Skewless.Analyzers.Skew.Clones;

/// <summary>The row types of the features being searched for, and the names of their members.</summary>
internal sealed class InputTypes
{
    private readonly HashSet<ITypeSymbol> _types = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> _memberNames = new(StringComparer.Ordinal);

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
            }
        }
    }

    public bool IsEmpty => _types.Count == 0;

    public bool Contains(ITypeSymbol? type) => type is not null && _types.Contains(type);

    /// <summary>Whether some input type has a member of this name: a cheap test before asking the semantic model.</summary>
    public bool HasMember(string name) => _memberNames.Contains(name);
}
