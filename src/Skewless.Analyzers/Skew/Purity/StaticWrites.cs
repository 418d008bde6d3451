using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Skew.Purity;

/// <summary>
/// The static fields and properties features read whose objects code outside the features changes after
/// they are initialised, such as a target encoding that training code fills from the labels: the
/// feature then reads whatever the process last put there, in training the labels, in serving nothing
/// or a stale copy. Filling a lookup in its own initializer or its type's static constructor, or in a
/// private helper only they call, is initialising it, and is fine.
/// </summary>
/// <remarks>
/// Only the holders that feature code reaches are searched for, by name, in one pass over the tokens
/// of the compilation, and only when a feature reads one; a token with such a name is bound only where
/// the syntax around it can change the object. Changes in code that features reach are not recorded
/// here: SKW302 reports them where they are.
/// </remarks>
internal sealed class StaticWrites
{
    public static readonly StaticWrites None = new(new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default));

    private readonly Dictionary<ISymbol, string> _writers;

    private StaticWrites(Dictionary<ISymbol, string> writers) => _writers = writers;

    /// <summary>The member that changes <paramref name="holder"/>'s object after it is initialised, first in compilation order, as messages name it, or <see langword="null"/>.</summary>
    public string? WriterOf(ISymbol holder) => _writers.TryGetValue(holder.OriginalDefinition, out var writer) ? writer : null;

    public static StaticWrites Find(Compilation compilation, FeatureUses uses, CancellationToken cancellationToken)
    {
        var candidates = new HashSet<ISymbol>(uses.Reached.Where(IsCandidate), SymbolEqualityComparer.Default);
        if (candidates.Count == 0)
        {
            return None;
        }

        var names = new HashSet<string>(candidates.Select(candidate => candidate.Name), StringComparer.Ordinal);
        var models = new SemanticModels(compilation);
        var helpers = new InitialisingHelpers(models, cancellationToken);
        var writers = new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default);
        foreach (var tree in compilation.SyntaxTrees.Where(tree => !GeneratedCode.Contains(tree)))
        {
            SemanticModel? model = null;
            foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken) || !names.Contains(token.ValueText) || token.Parent is not IdentifierNameSyntax name)
                {
                    continue;
                }

                ExpressionSyntax node = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
                if (!StaticObjects.MaybeChanged(node))
                {
                    continue;
                }

                model ??= models.For(tree);
                if (model?.GetOperation(node, cancellationToken) is not { } reference
                    || StaticObjects.Holder(reference) is not { } holder
                    || !candidates.Contains(holder.OriginalDefinition)
                    || writers.ContainsKey(holder.OriginalDefinition)
                    || StaticObjects.Through(reference, holder) is null
                    || IsInitialisation(node, holder.ContainingType, model, helpers))
                {
                    continue;
                }

                var member = EnclosingMember(model, node, cancellationToken);
                if (member is null || !uses.Reaches(member))
                {
                    writers.Add(holder.OriginalDefinition, Describe(member));
                }
            }
        }

        return writers.Count == 0 ? None : new StaticWrites(writers);
    }

    /// <summary>
    /// Whether <paramref name="node"/> runs while <paramref name="type"/> is initialised: in the initializer of
    /// one of its static fields or properties, in its static constructor, or, given <paramref name="helpers"/>,
    /// in a private method of it that only those call.
    /// </summary>
    public static bool IsInitialisation(SyntaxNode node, INamedTypeSymbol? type, SemanticModel model, InitialisingHelpers? helpers) =>
        IsInitialisation(node, type, model, helpers, locked: false);

    private static bool IsInitialisation(SyntaxNode node, INamedTypeSymbol? type, SemanticModel model, InitialisingHelpers? helpers, bool locked)
    {
        if (type is null || node.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not { Parent: TypeDeclarationSyntax declaration } member)
        {
            return false;
        }

        var initialises = member switch
        {
            BaseFieldDeclarationSyntax field => IsStatic(field.Modifiers),
            PropertyDeclarationSyntax property => IsStatic(property.Modifiers) && property.Initializer is { } initializer && initializer.Span.Contains(node.Span),
            ConstructorDeclarationSyntax constructor => IsStatic(constructor.Modifiers),
            MethodDeclarationSyntax => helpers is not null,
            _ => false,
        };
        if (!initialises || !SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declaration), type.OriginalDefinition))
        {
            return false;
        }

        return member is not MethodDeclarationSyntax method
            || (model.GetDeclaredSymbol(method) is { DeclaredAccessibility: Accessibility.Private } helper
                && (locked ? helpers!.SearchLocked(helper, type.OriginalDefinition) : helpers!.OnlyInitialise(helper, type.OriginalDefinition)));
    }

    // The holders whose object can be changed without a write of the holder, which SKW302 reports anyway.
    private static bool IsCandidate(ISymbol symbol)
    {
        if (!symbol.IsStatic || symbol is IFieldSymbol { IsConst: true } || !StaticObjects.IsReadOnly(symbol))
        {
            return false;
        }

        var type = symbol switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property when !property.IsIndexer => property.Type,
            _ => null,
        };
        return type is { IsValueType: false, SpecialType: not SpecialType.System_String };
    }

    private static ISymbol? EnclosingMember(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        var symbol = model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : symbol;
    }

    private static string Describe(ISymbol? member) => member switch
    {
        null => "other code",
        IMethodSymbol { Name: WellKnownMemberNames.TopLevelStatementsEntryPointMethodName } => "the top-level statements",
        IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor =>
            $"{(constructor.IsStatic ? "the static constructor" : "the constructor")} of {constructor.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}",
        _ => FeatureUses.Display(member),
    };

    private static bool IsStatic(SyntaxTokenList modifiers) => modifiers.Any(SyntaxKind.StaticKeyword) || modifiers.Any(SyntaxKind.ConstKeyword);

    /// <summary>
    /// Private methods that only a type's initialisation calls, such as <c>static Regions() { Add("NY", 1); }</c>
    /// with <c>Add</c> filling the table. A private method can only be called from its type's own declarations,
    /// so looking through them finds every call.
    /// </summary>
    internal sealed class InitialisingHelpers
    {
        private readonly SemanticModels _models;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<ISymbol, bool> _known = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ISymbol> _visiting = new(SymbolEqualityComparer.Default);

        public InitialisingHelpers(SemanticModels models, CancellationToken cancellationToken)
        {
            _models = models;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Whether <paramref name="helper"/>, a private method of <paramref name="type"/>, is called, and only from <paramref name="type"/>'s initialisation.</summary>
        /// <remarks>Safe to call from several threads, as operation actions do.</remarks>
        public bool OnlyInitialise(ISymbol helper, INamedTypeSymbol type)
        {
            lock (_known)
            {
                return Search(helper.OriginalDefinition, type);
            }
        }

        // Under the lock already, from a search of another helper's callers.
        internal bool SearchLocked(ISymbol helper, INamedTypeSymbol type) => Search(helper.OriginalDefinition, type);

        private bool Search(ISymbol helper, INamedTypeSymbol type)
        {
            if (_known.TryGetValue(helper, out var known))
            {
                return known;
            }

            // A call of the helper from itself adds no other caller.
            if (!_visiting.Add(helper))
            {
                return true;
            }

            var called = false;
            var onlyInitialising = true;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (_models.For(reference.SyntaxTree) is not { } model)
                {
                    onlyInitialising = false;
                    break;
                }

                var names = reference.GetSyntax(_cancellationToken).DescendantNodes().OfType<SimpleNameSyntax>().Where(name => name.Identifier.ValueText == helper.Name);
                foreach (var name in names)
                {
                    var symbol = model.GetSymbolInfo(name, _cancellationToken) is { Symbol: { } bound } ? bound : null;
                    if (!SymbolEqualityComparer.Default.Equals(symbol?.OriginalDefinition, helper))
                    {
                        continue;
                    }

                    called = true;
                    if (!IsInitialisation(name, type, model, this, locked: true))
                    {
                        onlyInitialising = false;
                        break;
                    }
                }

                if (!onlyInitialising)
                {
                    break;
                }
            }

            _visiting.Remove(helper);
            _known[helper] = called && onlyInitialising;
            return called && onlyInitialising;
        }
    }
}
