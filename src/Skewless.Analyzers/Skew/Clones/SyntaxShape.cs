using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Skew.Clones;

/// <summary>
/// The search key: a Merkle hash of every expression, computed from syntax alone in one pass, so
/// that all code can be searched for features in linear time. It is deliberately loose (names of
/// variables and types, numbers, casts and parentheses are left out) and the semantic check in
/// <see cref="OperationShape"/> decides; only a key that matches a feature costs anything more.
/// </summary>
/// <remarks>
/// Both sides hash with these rules, so a feature and its copy get the same key:
/// <list type="bullet">
/// <item>A name of a local, parameter, field or type is a hole, so renamed variables match. A local
/// with an initializer stands for its initializer, so a copy split over locals matches.</item>
/// <item>A member access keeps the member's name. Its receiver is a hole when it is an expression of
/// an input type, so any expression of the input type matches the feature's row; the semantic model
/// is asked only when the member's name is one the input types have.</item>
/// <item>A name of a type or namespace is a hole however it is qualified, and a static field or
/// property keeps its name alone, as <c>T.Member</c> does: <c>Weather.Season.Winter</c>,
/// <c>global::Weather.Season.Winter</c> and <c>Winter</c> under <c>using static</c> hash like
/// <c>Season.Winter</c> (see <see cref="QualifiedNames"/>).</item>
/// <item>A number is a placeholder, so near copies (SKW301) share the key of the feature. So is the name of a member that
/// may be a date part (<c>Month</c>, <c>DayOfYear</c>, see <see cref="DateParts"/>), so that <c>d.Month / 366f</c> shares the
/// key of <c>d.DayOfYear / 366f</c>.</item>
/// <item>A name that is an input type's field or property in any case hashes as a read of that member, so a serving
/// method's parameter for it (<c>date</c> for <c>Date</c>) matches the row's member (SKW304).</item>
/// <item><c>x.Value</c> and <c>x.GetValueOrDefault()</c> hash as <c>x</c>, so a request type's nullable member read as a
/// value matches the row's member (SKW304).</item>
/// <item>A call keeps the method's name; a private helper of feature code is replaced by its body.</item>
/// </list>
/// </remarks>
internal sealed class SyntaxShape
{
    // Markers outside the range of SyntaxKind.
    private const int HoleKind = -1;
    private const int NumberKind = -2;
    private const int TextKind = -3;
    private const int MemberKind = -4;
    private const int CallKind = -5;
    private const int LambdaKind = -6;
    private const int DatePartKind = -7;

    // Deeper expressions are left unsearched rather than risk the compiler's stack.
    private const int MaxDepth = 200;

    private static readonly ulong Hole = SearchKey.Start(HoleKind);
    private static readonly ulong Number = SearchKey.Start(NumberKind);
    private static readonly ulong DatePart = SearchKey.Start(DatePartKind);

    private readonly SemanticModels _models;
    private readonly InputTypes _inputs;
    private readonly PrivateHelpers? _helpers;
    private readonly QualifiedNames _names;
    private readonly Action<ExpressionSyntax, ulong> _visit;
    private readonly Dictionary<string, List<(SyntaxNode Scope, ulong Key)>> _bindings = new(StringComparer.Ordinal);
    private int _depth;

    /// <param name="models">Semantic models, asked only whether a receiver is of an input type.</param>
    /// <param name="names">What qualified names mean, shared by the shapes of one tree or feature set so its scopes are read once.</param>
    /// <param name="inputs">The input types.</param>
    /// <param name="helpers">Private helpers to inline, for feature code; <see langword="null"/> for code searched for copies.</param>
    /// <param name="visit">Called with every expression and its key.</param>
    public SyntaxShape(SemanticModels models, QualifiedNames names, InputTypes inputs, PrivateHelpers? helpers, Action<ExpressionSyntax, ulong> visit)
    {
        _models = models;
        _inputs = inputs;
        _helpers = helpers;
        _names = names;
        _visit = visit;
    }

    /// <summary>Forgets the locals seen so far: called at each new member, whose locals cannot see the previous member's.</summary>
    public void ForgetLocals() => _bindings.Clear();

    public ulong Hash(SyntaxNode node)
    {
        if (_depth >= MaxDepth)
        {
            return Hole;
        }

        _depth++;
        var key = Compute(node);
        _depth--;
        if (node is ExpressionSyntax expression)
        {
            BindLocal(expression, key);
            _visit(expression, key);
        }

        return key;
    }

    private ulong Compute(SyntaxNode node) => node switch
    {
        ParenthesizedExpressionSyntax parenthesized => Hash(parenthesized.Expression),
        CastExpressionSyntax cast => Hash(cast.Expression),
        LiteralExpressionSyntax literal => Literal(literal),
        PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax operand } when operand.IsKind(SyntaxKind.NumericLiteralExpression)
            && node.Kind() is SyntaxKind.UnaryMinusExpression or SyntaxKind.UnaryPlusExpression => Number,
        IdentifierNameSyntax identifier => Resolve(identifier),
        ThisExpressionSyntax or BaseExpressionSyntax => Hole,
        TypeSyntax => Hole,
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value" } nullable when nullable.IsKind(SyntaxKind.SimpleMemberAccessExpression) => Hash(nullable.Expression),
        InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetValueOrDefault" } nullable } => Hash(nullable.Expression),
        MemberAccessExpressionSyntax member when member.IsKind(SyntaxKind.SimpleMemberAccessExpression) => Member(member),
        InvocationExpressionSyntax invocation => Invocation(invocation),
        AnonymousFunctionExpressionSyntax function => SearchKey.Combine(SearchKey.Start(LambdaKind), Hash(LambdaResult(function.Body))),
        _ => Generic(node),
    };

    private static SyntaxNode LambdaResult(CSharpSyntaxNode body) =>
        body is BlockSyntax { Statements.Count: 1 } block && block.Statements[0] is ReturnStatementSyntax { Expression: { } returned } ? returned : body;

    private static ulong Literal(LiteralExpressionSyntax literal) => literal.Kind() switch
    {
        SyntaxKind.NumericLiteralExpression => Number,
        SyntaxKind.StringLiteralExpression or SyntaxKind.CharacterLiteralExpression or SyntaxKind.Utf8StringLiteralExpression => Text(literal.Token.ValueText),
        _ => SearchKey.Start(literal.RawKind),
    };

    private static ulong Text(string text) => SearchKey.Combine(SearchKey.Start(TextKind), SearchKey.Of(text));

    private static ulong MemberKey(string name, ulong receiver) =>
        SearchKey.Combine(SearchKey.Combine(SearchKey.Start(MemberKind), DateParts.IsPartName(name) ? DatePart : SearchKey.Of(name)), receiver);

    private ulong Member(MemberAccessExpressionSyntax member)
    {
        var name = member.Name.Identifier.ValueText;
        var receiver = Hash(member.Expression);
        if (receiver != Hole && member.Expression is MemberAccessExpressionSyntax && _names.IsNamespaceOrType(member.Expression))
        {
            receiver = Hole;
        }
        else if (receiver != Hole && _inputs.HasMember(name) && _inputs.Contains(_models.For(member.SyntaxTree)?.GetTypeInfo(member.Expression).Type))
        {
            receiver = Hole;
        }

        return MemberKey(name, receiver);
    }

    private ulong Invocation(InvocationExpressionSyntax invocation)
    {
        var target = invocation.Expression is SimpleNameSyntax name ? MemberKey(name.Identifier.ValueText, Hole) : Hash(invocation.Expression);
        var key = SearchKey.Combine(SearchKey.Start(CallKind), target);
        var arguments = invocation.ArgumentList.Arguments;
        var argumentKeys = new ulong[arguments.Count];
        for (var i = 0; i < arguments.Count; i++)
        {
            argumentKeys[i] = Hash(arguments[i].Expression);
            key = SearchKey.Combine(key, argumentKeys[i]);
        }

        if (_helpers?.Find(invocation) is { } helper)
        {
            return Inline(helper.Method, helper.Declaration, argumentKeys);
        }

        return key;
    }

    private ulong Inline(IMethodSymbol method, MethodDeclarationSyntax helper, ulong[] argumentKeys)
    {
        _helpers!.Enter(method);
        for (var i = 0; i < argumentKeys.Length; i++)
        {
            Bind(method.Parameters[i].Name, helper, argumentKeys[i]);
        }

        if (helper.Body is { } body)
        {
            foreach (var statement in body.Statements.OfType<LocalDeclarationStatementSyntax>())
            {
                Hash(statement);
            }
        }

        var key = Hash(PrivateHelpers.ReturnExpression(helper)!);
        foreach (var parameter in method.Parameters)
        {
            var bound = _bindings[parameter.Name];
            bound.RemoveAt(bound.Count - 1);
        }

        _helpers.Exit(method);
        return key;
    }

    private ulong Generic(SyntaxNode node)
    {
        var key = SearchKey.Start(node.RawKind);
        foreach (var child in node.ChildNodesAndTokens())
        {
            if (child.AsNode() is { } childNode)
            {
                key = SearchKey.Combine(key, Hash(childNode));
                continue;
            }

            var token = child.AsToken();
            switch (token.Kind())
            {
                case SyntaxKind.NumericLiteralToken:
                    key = SearchKey.Combine(key, Number);
                    break;
                case SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken or SyntaxKind.InterpolatedStringTextToken
                    or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken:
                    key = SearchKey.Combine(key, Text(token.ValueText));
                    break;
            }
        }

        return key;
    }

    private ulong Resolve(IdentifierNameSyntax identifier)
    {
        if (_bindings.TryGetValue(identifier.Identifier.ValueText, out var bound))
        {
            for (var i = bound.Count - 1; i >= 0; i--)
            {
                var scope = bound[i].Scope;
                if (scope.SyntaxTree == identifier.SyntaxTree && scope.Span.Contains(identifier.Span))
                {
                    return bound[i].Key;
                }
            }
        }

        // A name that is a row's field or property in any case may be a serving method's parameter for it: it hashes as
        // the row's member read, so that date.DayOfWeek matches a feature's d.Date.DayOfWeek (SKW304 decides).
        return _names.IsStaticMember(identifier) ? MemberKey(identifier.Identifier.ValueText, Hole)
            : _inputs.ValueMemberNamedLike(identifier.Identifier.ValueText) is { } member && !NamesTypeBeforeDot(identifier) ? MemberKey(member, Hole)
            : Hole;
    }

    // DayOfWeek.Saturday names the enum, though the row has an int DayOfWeek (round 16): bound only for such names.
    private bool NamesTypeBeforeDot(IdentifierNameSyntax identifier) =>
        identifier.Parent is MemberAccessExpressionSyntax access && access.Expression == identifier
        && _models.For(identifier.SyntaxTree)?.GetSymbolInfo(identifier).Symbol is INamespaceOrTypeSymbol;

    // A local declared with an initializer stands for that initializer within its block.
    private void BindLocal(ExpressionSyntax expression, ulong key)
    {
        if (expression.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax { Parent: { } container } } declarator })
        {
            Bind(declarator.Identifier.ValueText, container is GlobalStatementSyntax { Parent: { } unit } ? unit : container, key);
        }
    }

    private void Bind(string name, SyntaxNode scope, ulong key)
    {
        if (!_bindings.TryGetValue(name, out var bound))
        {
            bound = new List<(SyntaxNode, ulong)>();
            _bindings.Add(name, bound);
        }

        bound.Add((scope, key));
    }
}
