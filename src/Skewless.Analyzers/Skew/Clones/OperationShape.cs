using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Skew.Clones;

/// <summary>
/// What an expression computes, as canonical text: operations with the symbols they use by
/// documentation ID, so a feature compiled into one assembly and a copy in another compare equal.
/// This is the check after a search-key match, and what decides between a copy and a near copy.
/// </summary>
/// <remarks>
/// Any expression of the input type is the row. Locals with a single assignment stand for their
/// initializer, lambda parameters are numbered, identity conversions vanish, and numbers are kept
/// apart, as are the parts of dates and times read, so that <see cref="Shape"/> ignores them and <see cref="Exact"/> does not. Anything it
/// cannot express (a local assigned twice, a parameter from outside) means "not a copy".
/// </remarks>
internal sealed class OperationShape
{
    /// <summary>The fewest operations, not counting the row, that make a computation worth protecting: <c>f.A / 100</c> is three, a bare <c>f.A</c> one.</summary>
    public const int MinimumSize = 3;

    private readonly ITypeSymbol _inputType;
    private readonly ITypeSymbol? _mirrored;
    private readonly SemanticModels _models;
    private readonly PrivateHelpers? _helpers;
    private readonly CancellationToken _cancellationToken;
    private readonly bool _eraseNumericTypes;
    private readonly StringBuilder _text = new();
    private readonly List<string> _literals = new();
    private readonly List<string> _typedLiterals = new();
    private readonly List<bool> _integerDivisions = new();
    private readonly List<IOperation> _inputs = new();
    private readonly List<IMethodSymbol> _lambdas = new();
    private readonly HashSet<ILocalSymbol> _expanding = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, int> _declared = new(SymbolEqualityComparer.Default);
    private int _size;
    private int _reads;
    private bool _seekingLookAlike;
    private ITypeSymbol? _lookAlike;
    private IMethodSymbol? _parametersOf;

    private OperationShape(ITypeSymbol inputType, ITypeSymbol? mirrored, SemanticModels models, PrivateHelpers? helpers, bool eraseNumericTypes, CancellationToken cancellationToken)
    {
        _eraseNumericTypes = eraseNumericTypes;
        _inputType = inputType;
        _mirrored = mirrored;
        _models = models;
        _helpers = helpers;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The hash of the computation, numbers included.</summary>
    public string Exact { get; private set; } = "";

    /// <summary>The hash of the computation with numbers left out.</summary>
    public string Shape { get; private set; } = "";

    /// <summary>The numbers left out of <see cref="Shape"/>, in order, as C# would display them, and the date parts (see <see cref="DateParts"/>) by name.</summary>
    public ImmutableArray<string> Literals => _literals.ToImmutableArray();

    /// <summary>The numbers as C# would write them with their types, such as <c>7f</c> or <c>7</c>, and the date parts by name.</summary>
    public ImmutableArray<string> TypedLiterals => _typedLiterals.ToImmutableArray();

    /// <summary>For each division, in order, whether it divides integers, which drops the fraction.</summary>
    public ImmutableArray<bool> IntegerDivisions => _integerDivisions.ToImmutableArray();

    /// <summary>The expressions that stand for the row.</summary>
    public IReadOnlyList<IOperation> Inputs => _inputs;

    /// <summary>The number of operations, not counting the row or conversions.</summary>
    public int Size => _size;

    /// <summary>The operations that compute (operators, calls, ...), not counting numbers, date parts or reads of fields and properties: <c>f.A / 100</c> has one.</summary>
    public int Computations => _size - _literals.Count - _reads;

    /// <summary>The shape of <paramref name="operation"/>, or <see langword="null"/> when it cannot be a copy of a feature.</summary>
    /// <param name="operation">The expression.</param>
    /// <param name="inputType">The row type.</param>
    /// <param name="models">Semantic models for locals and helpers.</param>
    /// <param name="helpers">Private helpers to inline, for feature code; <see langword="null"/> for code searched for copies.</param>
    /// <param name="isResult">Whether <paramref name="operation"/> is a feature's returned value, whose conversion to the return type is left out.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="eraseNumericTypes">Whether numeric conversions and the types of numbers are left out of both hashes, so that <c>n / 7</c> and <c>n / 7f</c> compare equal.</param>
    /// <param name="mirrored">
    /// When <paramref name="inputType"/> is a look-alike of a row type (a request type with the row's members), that row
    /// type: the look-alike's fields and properties hash as the row's of the same name and type, and any other member of
    /// it makes the computation no copy.
    /// </param>
    /// <param name="parametersOf">
    /// With <paramref name="mirrored"/>, a method whose parameters stand for the row's members of the same name, in any case,
    /// and type (<c>date</c> for <c>Date</c>), as a serving method given the row's values one by one is written.
    /// </param>
    public static OperationShape? Of(IOperation operation, ITypeSymbol inputType, SemanticModels models, PrivateHelpers? helpers, bool isResult, CancellationToken cancellationToken, bool eraseNumericTypes = false, ITypeSymbol? mirrored = null, IMethodSymbol? parametersOf = null)
    {
        var shape = new OperationShape(inputType, mirrored, models, helpers, eraseNumericTypes, cancellationToken) { _parametersOf = parametersOf };
        if (!shape.Add(operation, frame: null, isResult))
        {
            return null;
        }

        var text = shape._text.ToString();
        var withoutNumbers = new DefinitionFingerprint();
        withoutNumbers.Add("shape", text);
        var exact = new DefinitionFingerprint();
        exact.Add("shape", text);
        exact.Add("numbers", string.Join(" ", shape._literals));
        shape.Shape = withoutNumbers.ToString();
        shape.Exact = exact.ToString();
        return shape;
    }

    private bool Add(IOperation? operation, Frame? frame, bool isResult = false)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (operation is null)
        {
            return false;
        }

        if (operation is IParameterReferenceOperation parameter && frame is not null && frame.Arguments.TryGetValue(parameter.Parameter.OriginalDefinition, out var argument))
        {
            return Add(argument.Value, argument.Caller, isResult);
        }

        if (SymbolEqualityComparer.Default.Equals(operation.Type, _inputType))
        {
            return Input(operation);
        }

        if (IsLiteral(operation))
        {
            return AddLiteral(operation);
        }

        return operation switch
        {
            _ when UnwrappedMirror(operation) is { } member => Add(member, frame, isResult),
            IParameterReferenceOperation value when MirroredByParameter(value.Parameter) is { } member =>
                Read() && Open(member is IPropertySymbol ? "prop" : "field", member) && Input(value) && Close(),
            IConversionOperation conversion when isResult || conversion.Conversion.IsIdentity || (_eraseNumericTypes && conversion.Conversion.IsNumeric) => Add(conversion.Operand, frame, isResult),
            IConversionOperation conversion => Open("conversion", conversion.Type, counts: false) && Symbol(conversion.OperatorMethod) && Add(conversion.Operand, frame) && Close(),
            ILocalReferenceOperation { IsDeclaration: true } declared => Declare(declared.Local),
            ILocalReferenceOperation local when _declared.TryGetValue(local.Local, out var number) => AddDeclared(number),
            ILocalReferenceOperation local => AddLocal(local.Local, frame, isResult),
            IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol declared } pattern => Open("declaration pattern", pattern.MatchedType) && Declare(declared) && Close(),
            IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol declared } pattern => Declare(declared) && AddGeneric(pattern, frame),
            IParameterReferenceOperation lambdaParameter => AddLambdaParameter(lambdaParameter.Parameter),
            IInvocationOperation invocation when _helpers is not null && invocation.Syntax is InvocationExpressionSyntax syntax
                && _helpers.Find(syntax, invocation.TargetMethod) is { } helper => Inline(invocation, helper, frame, isResult),
            IInvocationOperation invocation => Open("call", invocation.TargetMethod) && AddOptional(invocation.Instance, frame) && AddArguments(invocation.Arguments, frame) && Close(),
            IPropertyReferenceOperation part when DateParts.IsPart(part.Property) => AddDatePart(part.Property) && Open("part", part.Property.ContainingType) && AddOptional(part.Instance, frame) && Close(),
            IPropertyReferenceOperation property => Read() && NoteLookAlike(property.Instance, property.Property) && Open("prop", property.Property) && AddOptional(property.Instance, frame) && AddArguments(property.Arguments, frame) && Close(),
            IFieldReferenceOperation field => Read() && NoteLookAlike(field.Instance, field.Field) && Open("field", field.Field) && AddOptional(field.Instance, frame) && Close(),
            IMethodReferenceOperation method => Open("method", method.Method) && AddOptional(method.Instance, frame) && Close(),
            IObjectCreationOperation creation => Open("new", creation.Constructor) && AddArguments(creation.Arguments, frame) && AddOptional(creation.Initializer, frame) && Close(),
            IBinaryOperation binary => Division(binary) && Open($"binary {binary.OperatorKind}{(binary.IsChecked ? " checked" : "")}", binary.OperatorMethod) && Add(binary.LeftOperand, frame) && Add(binary.RightOperand, frame) && Close(),
            IUnaryOperation unary => Open($"unary {unary.OperatorKind}{(unary.IsChecked ? " checked" : "")}", unary.OperatorMethod) && Add(unary.Operand, frame) && Close(),
            IBinaryPatternOperation pattern => Open($"pattern {pattern.OperatorKind}", null) && Add(pattern.LeftPattern, frame) && Add(pattern.RightPattern, frame) && Close(),
            IRelationalPatternOperation pattern => Open($"relational {pattern.OperatorKind}", null) && Add(pattern.Value, frame) && Close(),
            ITypePatternOperation pattern => Open("type pattern", pattern.MatchedType) && Close(),
            IIsTypeOperation isType => Open("is", isType.TypeOperand) && Add(isType.ValueOperand, frame) && Close(),
            ITypeOfOperation typeOf => Open("typeof", typeOf.TypeOperand) && Close(),
            IAnonymousFunctionOperation function => AddLambda(function, frame),
            _ => AddGeneric(operation, frame),
        };
    }

    private bool Input(IOperation row)
    {
        _text.Append('I');
        _inputs.Add(row);
        return true;
    }

    private ISymbol? MirroredByParameter(IParameterSymbol parameter) =>
        _parametersOf is not null && _mirrored is not null && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, _parametersOf)
            ? RowMemberOf(parameter, _mirrored)
            : null;

    /// <summary>The field or property of <paramref name="row"/> a serving method's parameter stands for: the same name in any case, the same type or its nullable.</summary>
    public static ISymbol? RowMemberOf(IParameterSymbol parameter, ITypeSymbol row)
    {
        for (var type = row; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                var memberType = member switch
                {
                    IPropertySymbol { IsIndexer: false } property => property.Type,
                    IFieldSymbol { IsImplicitlyDeclared: false } field => field.Type,
                    _ => null,
                };
                if (memberType is not null && !member.IsStatic && string.Equals(member.Name, parameter.Name, StringComparison.OrdinalIgnoreCase) && Mirrors(parameter.Type, memberType))
                {
                    return member;
                }
            }
        }

        return null;
    }

    private static bool IsLiteral(IOperation operation) => operation.ConstantValue.HasValue && operation switch
    {
        ILiteralOperation => true,
        IConversionOperation conversion => IsLiteral(conversion.Operand),
        IUnaryOperation { OperatorKind: UnaryOperatorKind.Plus or UnaryOperatorKind.Minus } unary => IsLiteral(unary.Operand),
        _ => false,
    };

    private bool AddLiteral(IOperation operation)
    {
        var value = operation.ConstantValue.Value;
        var type = operation.Type is null ? "" : Id(operation.Type);
        if (type is null)
        {
            return false;
        }

        var text = value is null ? "null" : SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false);
        _size++;
        if (value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal)
        {
            _text.Append(_eraseNumericTypes ? "(#)" : "(# " + type + ")");
            _literals.Add(text);
            _typedLiterals.Add(text + value switch { float => "f", double => "d", decimal => "m", long => "L", uint => "u", ulong => "UL", _ => "" });
        }
        else
        {
            _text.Append("(constant ").Append(type).Append(' ').Append(text).Append(')');
        }

        return true;
    }

    // A date part is a slot like a number: the shape keeps whose part it reads, the literals which part, so that
    // d.Month / 366f has the shape of d.DayOfYear / 366f and SKW301 can name both parts.
    private bool AddDatePart(IPropertySymbol part)
    {
        _literals.Add(part.Name);
        _typedLiterals.Add(part.Name);
        return true;
    }

    private bool AddLocal(ILocalSymbol local, Frame? frame, bool isResult)
    {
        if (!_expanding.Add(local) || Initializer(local) is not { } value)
        {
            return false;
        }

        var added = Add(value, frame, isResult);
        _expanding.Remove(local);
        return added;
    }

    // The value a local is initialised with, if that is its only assignment.
    private IOperation? Initializer(ILocalSymbol local)
    {
        if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is not VariableDeclaratorSyntax { Initializer: { } initializer, Parent.Parent: LocalDeclarationStatementSyntax { Parent: { } scope } }
            || _models.For(initializer.SyntaxTree) is not { } model
            || IsWritten(local, scope, model))
        {
            return null;
        }

        return (model.GetOperation(initializer, _cancellationToken) as IVariableInitializerOperation)?.Value;
    }

    private bool IsWritten(ILocalSymbol local, SyntaxNode scope, SemanticModel model) =>
        scope.DescendantNodes().OfType<IdentifierNameSyntax>().Any(identifier =>
            identifier.Identifier.ValueText == local.Name
            && identifier.Parent switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left == identifier,
                PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => identifier.Parent.Kind() is SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression
                    or SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression,
                ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
                RefExpressionSyntax => true,
                _ => false,
            }
            && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, _cancellationToken).Symbol, local));

    // A variable the expression declares (out var dt, is { Length: > 3 } s) is numbered in the order of declaration, so
    // that a copy that names it otherwise is the same computation; its value comes from the call or pattern that declares it.
    private bool Declare(ILocalSymbol local)
    {
        var number = _declared.Count;
        _declared[local] = number;
        return AddDeclared(number);
    }

    private bool AddDeclared(int number)
    {
        _size++;
        _text.Append("(declared ").Append(number).Append(')');
        return true;
    }

    // Parameters of lambdas inside the expression are numbered from the innermost lambda; any other
    // parameter comes from outside the expression, so the expression cannot be a feature's.
    private bool AddLambdaParameter(IParameterSymbol parameter)
    {
        for (var depth = 0; depth < _lambdas.Count; depth++)
        {
            if (SymbolEqualityComparer.Default.Equals(_lambdas[_lambdas.Count - 1 - depth], parameter.ContainingSymbol))
            {
                _size++;
                _text.Append("(parameter ").Append(depth).Append(' ').Append(parameter.Ordinal).Append(')');
                return true;
            }
        }

        return false;
    }

    private bool AddLambda(IAnonymousFunctionOperation function, Frame? frame)
    {
        _lambdas.Add(function.Symbol);
        var body = function.Body.Operations.Length == 1 && function.Body.Operations[0] is IReturnOperation { ReturnedValue: { } returned } ? returned : function.Body;
        var added = Open("lambda", null) && Add(body, frame) && Close();
        _lambdas.RemoveAt(_lambdas.Count - 1);
        return added;
    }

    private bool Inline(IInvocationOperation invocation, MethodDeclarationSyntax helper, Frame? frame, bool isResult)
    {
        if (_models.For(helper.SyntaxTree) is not { } model)
        {
            return false;
        }

        var returned = helper.ExpressionBody is { } arrow
            ? (model.GetOperation(arrow, _cancellationToken) as IBlockOperation)?.Operations.LastOrDefault()
            : model.GetOperation(helper.Body!.Statements.Last(), _cancellationToken);
        var arguments = new Dictionary<IParameterSymbol, (IOperation, Frame?)>(SymbolEqualityComparer.Default);
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is null)
            {
                return false;
            }

            arguments[argument.Parameter.OriginalDefinition] = (argument.Value, frame);
        }

        _helpers!.Enter(invocation.TargetMethod);
        var added = Add((returned as IReturnOperation)?.ReturnedValue, new Frame(arguments), isResult);
        _helpers.Exit(invocation.TargetMethod);
        return added;
    }

    private bool AddOptional(IOperation? operation, Frame? frame)
    {
        if (operation is null)
        {
            _text.Append(" -");
            return true;
        }

        return Add(operation, frame);
    }

    // Arguments in the order of the parameters they bind to, whatever order the call names them in.
    private bool AddArguments(ImmutableArray<IArgumentOperation> arguments, Frame? frame)
    {
        if (arguments.Any(argument => argument.Parameter is null))
        {
            return false;
        }

        foreach (var argument in arguments.OrderBy(argument => argument.Parameter!.Ordinal))
        {
            if (!Add(argument.Value, frame))
            {
                return false;
            }
        }

        return true;
    }

    private bool AddGeneric(IOperation operation, Frame? frame)
    {
        if (!Open(operation.Kind.ToString(), operation.Type))
        {
            return false;
        }

        foreach (var child in operation.ChildOperations)
        {
            if (!Add(child, frame))
            {
                return false;
            }
        }

        return Close();
    }

    private bool Division(IBinaryOperation binary)
    {
        if (binary.OperatorKind == BinaryOperatorKind.Divide)
        {
            _integerDivisions.Add(binary.OperatorMethod is null && binary.Type?.SpecialType is SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16
                or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64);
        }

        return true;
    }

    private bool Read()
    {
        _reads++;
        return true;
    }

    private bool Open(string kind, ISymbol? symbol, bool counts = true)
    {
        if (counts)
        {
            _size++;
        }

        _text.Append('(').Append(kind);
        return Symbol(symbol);
    }

    private bool Symbol(ISymbol? symbol)
    {
        if (symbol is null)
        {
            return true;
        }

        if (_mirrored is not null && SymbolEqualityComparer.Default.Equals(symbol.ContainingType, _inputType))
        {
            symbol = RowMember(symbol, _mirrored);
        }

        if (symbol is null || Id(symbol) is not { } id)
        {
            return false;
        }

        _text.Append(' ').Append(id);
        return true;
    }

    private bool Close()
    {
        _text.Append(')');
        return true;
    }

    /// <summary>
    /// The first type, other than <paramref name="row"/>, whose field or property <paramref name="operation"/> reads where
    /// <paramref name="row"/> has one of the same name and type (see <see cref="RowMember"/>), or <see langword="null"/>:
    /// the candidate to hash the operation over again as a look-alike.
    /// </summary>
    public static ITypeSymbol? LookAlikeOf(IOperation operation, ITypeSymbol row, SemanticModels models, CancellationToken cancellationToken)
    {
        var shape = new OperationShape(row, mirrored: null, models, helpers: null, eraseNumericTypes: false, cancellationToken) { _seekingLookAlike = true };
        shape.Add(operation, frame: null);
        return shape._lookAlike;
    }

    private bool NoteLookAlike(IOperation? instance, ISymbol member)
    {
        // The framework's types are nobody's copy of a row: a string's Length is not the row's Length.
        if (_seekingLookAlike && _lookAlike is null && instance?.Type is INamedTypeSymbol { SpecialType: SpecialType.None } type
            && !SymbolEqualityComparer.Default.Equals(type, _inputType) && !IsFramework(type) && RowMember(member, _inputType) is not null)
        {
            _lookAlike = type;
        }

        return true;
    }

    private static bool IsFramework(ITypeSymbol type)
    {
        var root = type.ContainingNamespace;
        while (root is { ContainingNamespace.IsGlobalNamespace: false })
        {
            root = root.ContainingNamespace;
        }

        return root?.Name is "System" or "Microsoft";
    }

    /// <summary>
    /// For a look-alike's nullable member that mirrors the row's (<c>float? Miles</c> for <c>float Miles</c>, as request
    /// models are written) read as a value, with <c>.Value</c>, <c>GetValueOrDefault()</c> or a cast to it: the member, which
    /// hashes as the row's; otherwise <see langword="null"/>.
    /// </summary>
    private IOperation? UnwrappedMirror(IOperation operation)
    {
        // Asked of every operation hashed: only a copy over a look-alike has mirrors to unwrap.
        if (_mirrored is null)
        {
            return null;
        }

        var member = operation switch
        {
            IPropertyReferenceOperation { Property.Name: "Value", Instance: { } instance } => instance,
            IInvocationOperation { TargetMethod.Name: "GetValueOrDefault", Arguments.Length: 0, Instance: { } instance } => instance,
            IConversionOperation { Conversion.IsNullable: true } conversion => conversion.Operand,
            _ => null,
        };
        // Only where the row's member is the value itself: a row's own int? read with .Value is copied with the .Value.
        var rowMember = member switch
        {
            IMemberReferenceOperation { Instance.Type: var owner } reference when SymbolEqualityComparer.Default.Equals(owner, _inputType) => RowMember(reference.Member, _mirrored),
            IParameterReferenceOperation parameter => MirroredByParameter(parameter.Parameter),
            _ => null,
        };
        return rowMember is not null && SymbolEqualityComparer.Default.Equals(TypeOf(rowMember), operation.Type)
            && NullableOf(member!.Type) is { } underlying && SymbolEqualityComparer.Default.Equals(underlying, operation.Type)
            ? member
            : null;
    }

    private static ITypeSymbol? TypeOf(ISymbol member) => member switch
    {
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        _ => null,
    };

    private static ITypeSymbol? NullableOf(ITypeSymbol? type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : null;

    /// <summary>
    /// The field or property of <paramref name="row"/> that <paramref name="member"/> of a look-alike mirrors: the same kind,
    /// name and type, or the nullable of the type.
    /// </summary>
    public static ISymbol? RowMember(ISymbol member, ITypeSymbol row)
    {
        for (var type = row; type is not null; type = type.BaseType)
        {
            foreach (var candidate in type.GetMembers(member.Name))
            {
                var same = (member, candidate) switch
                {
                    (IPropertySymbol mirror, IPropertySymbol property) => !property.IsIndexer && Mirrors(mirror.Type, property.Type),
                    (IFieldSymbol mirror, IFieldSymbol field) => Mirrors(mirror.Type, field.Type),
                    _ => false,
                };
                if (same && !candidate.IsStatic && !member.IsStatic)
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static bool Mirrors(ITypeSymbol mirror, ITypeSymbol row) =>
        SymbolEqualityComparer.Default.Equals(mirror, row) || SymbolEqualityComparer.Default.Equals(NullableOf(mirror), row);

    // Documentation IDs name a symbol the same way in source and in metadata. Symbols without a
    // stable name (errors, local functions, lambdas) cannot be part of a feature's fingerprint.
    // A reference ID names only types (a member's is empty, which made every field and method with
    // the same name and types alike); a member is named by the declaration ID of its definition.
    private static string? Id(ISymbol symbol) => symbol switch
    {
        IErrorTypeSymbol or IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } => null,
        ITypeSymbol { TypeKind: TypeKind.Error } => null,
        ITypeSymbol or INamespaceSymbol => DocumentationCommentId.CreateReferenceId(symbol),
        _ => DocumentationCommentId.CreateDeclarationId(symbol.OriginalDefinition) ?? symbol.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
    };

    private sealed class Frame
    {
        public Frame(Dictionary<IParameterSymbol, (IOperation Value, Frame? Caller)> arguments) => Arguments = arguments;

        public Dictionary<IParameterSymbol, (IOperation Value, Frame? Caller)> Arguments { get; }
    }
}
