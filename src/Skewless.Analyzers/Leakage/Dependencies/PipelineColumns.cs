using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Leakage.Lineage;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.Dependencies;

/// <summary>
/// The data source members an ML.NET column name stands for, in the method that builds the pipeline: the member it
/// names (<c>nameof(Trip.Time)</c>, or a string equal to a member's name or <c>[ColumnName]</c> on a type the method names
/// as a type argument, such as the rows of <c>LoadFromTextFile&lt;Trip&gt;</c>), and the members of the columns the
/// method's transforms derive it from (<c>OneHotEncoding("HospitalEncoded", nameof(Admission.Hospital))</c>), and the
/// members a list of every column of a schema but some takes (<c>data.Schema.Select(c =&gt; c.Name).Where(n =&gt; n != "Label")</c>).
/// </summary>
internal sealed class PipelineColumns
{
    // The label column as trainers and evaluations are given it, as trainer options are, and when neither names it.
    private const string LabelColumn = "labelColumnName";
    private const string LabelOption = "LabelColumnName";
    private const string DefaultLabel = "Label";

    private readonly IOperation _method;
    private readonly INamedTypeSymbol? _columnName;
    private List<ITypeSymbol>? _named;
    private List<ITypeSymbol>? _classRowTypes;
    private Dictionary<string, List<IOperation>>? _derivedFrom;
    private Lazy<(string Column, bool Given)?>? _label;

    public PipelineColumns(IOperation call, INamedTypeSymbol? columnName)
    {
        _method = call;
        while (_method.Parent is { } parent)
        {
            _method = parent;
        }

        _columnName = columnName;
    }

    /// <summary>
    /// The column names an argument gives: itself, or the elements of the array a params argument or <c>new[] { … }</c>
    /// makes, also through a local given one such array (<c>var columns = new[] { … }; Concatenate("Features", columns)</c>).
    /// </summary>
    public IEnumerable<IOperation> In(IOperation value)
    {
        var array = LocalLineage.Unconverted(value);
        if (array is ILocalReferenceOperation local && OnlyValueOf(local.Local) is { } only)
        {
            array = LocalLineage.Unconverted(only);
        }

        return array is IArrayCreationOperation { Initializer: { } elements } ? elements.ElementValues : new[] { value };
    }

    /// <summary>
    /// The members <paramref name="column"/> stands for, each with the derived column it goes through (the name the
    /// call gives, when that is not the member's own), or <see langword="null"/> when it names the member itself.
    /// </summary>
    public IEnumerable<(ISymbol Member, string? Through)> MembersOf(IOperation column) => MembersOf(column, through: null, new HashSet<string>(StringComparer.Ordinal));

    private IEnumerable<(ISymbol Member, string? Through)> MembersOf(IOperation column, string? through, HashSet<string> seen)
    {
        if (column.ConstantValue.Value is not string text || !seen.Add(text))
        {
            yield break;
        }

        if (column is INameOfOperation { Argument: IMemberReferenceOperation { Member: var member } })
        {
            yield return (member, through);
        }
        else
        {
            foreach (var named in MembersNamed(text))
            {
                yield return (named, through);
            }
        }

        if ((_derivedFrom ??= Derivations()).TryGetValue(text, out var inputs))
        {
            foreach (var derived in inputs.SelectMany(input => MembersOf(input, through ?? text, seen)))
            {
                yield return derived;
            }
        }
    }

    /// <summary>
    /// When a column given to the features is the method's label column, or shares a column it is computed from with the
    /// label, as <c>CopyColumns("Label", nameof(Row.Complexity))</c> beside <c>Concatenate("Features", nameof(Row.Complexity))</c>
    /// makes the model learn the identity: the label column and the shared column; otherwise <see langword="null"/>. Needs
    /// no <c>[Label]</c>. The label column is the one every trainer, trainer options and evaluation of the method names
    /// (<c>labelColumnName</c>, <c>LabelColumnName</c>), or ML.NET's default <c>Label</c> when none does. A method naming two,
    /// or one not as a constant, or copying two columns into it, as one training two models does, is not read.
    /// </summary>
    public (string Label, string Shared)? LabelFrom(IOperation column)
    {
        if (column.ConstantValue.Value is not string text || MethodLabel() is not ({ } label, _))
        {
            return null;
        }

        var fromLabel = SourcesOf(label);
        return SourcesOf(text).FirstOrDefault(fromLabel.Contains) is { } shared ? (label, shared) : null;
    }

    /// <summary>
    /// The label column a trainer, trainer options or evaluation of the method is given (see <see cref="LabelFrom"/>;
    /// a trainer given none reads ML.NET's default, <c>Label</c>), when <paramref name="column"/> is it or a column it is
    /// computed from; <see langword="null"/> when it is not, or when nothing in the method is given a label.
    /// </summary>
    public string? GivenLabelFrom(IOperation column) =>
        column.ConstantValue.Value is string text && MethodLabel() is ({ } label, true) && SourcesOf(label).Contains(text) ? label : null;

    // The method's label column, and whether a call or option of the method is given it rather than nothing naming one.
    private (string Column, bool Given)? MethodLabel() => (_label ??= new Lazy<(string, bool)?>(Label)).Value;

    private (string Column, bool Given)? Label()
    {
        var operations = _method.DescendantsAndSelf().ToList();
        var named = operations.OfType<IArgumentOperation>().Where(argument => argument.Parameter?.Name == LabelColumn).Select(argument => argument.Value)
            .Concat(operations.OfType<ISimpleAssignmentOperation>()
                .Where(assignment => assignment.Target is IMemberReferenceOperation { Member: { Name: LabelOption } option } && PipelineColumnAnalyzer.IsMachineLearning(option))
                .Select(assignment => assignment.Value))
            .Select(value => value.ConstantValue.Value as string)
            .ToList();
        var given = named.Count > 0;
        named = named.DefaultIfEmpty(DefaultLabel)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (named.Count != 1 || named[0] is not { } label)
        {
            return null;
        }

        var copied = (_derivedFrom ??= Derivations()).TryGetValue(label, out var inputs)
            ? inputs.Select(input => input.ConstantValue.Value as string).Where(input => input != label).Distinct(StringComparer.Ordinal).Count()
            : 0;
        return copied <= 1 ? (label, given) : null;
    }

    // A column and every column the method's transforms compute it from.
    private HashSet<string> SourcesOf(string column)
    {
        var sources = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(column);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (sources.Add(next) && (_derivedFrom ??= Derivations()).TryGetValue(next, out var inputs))
            {
                foreach (var input in inputs)
                {
                    if (input.ConstantValue.Value is string name)
                    {
                        pending.Push(name);
                    }
                }
            }
        }

        return sources;
    }

    /// <summary>
    /// When <paramref name="columns"/> is every column of a data view's schema but those it leaves out by name, as ML.NET's
    /// ranking sample builds its feature list, the members it takes of the method's row types (its type arguments, and the
    /// types its left-out <c>nameof</c>s name), and the names left out;
    /// otherwise <see langword="null"/>. Any other step (a filter by type, a Take) makes the list unknown.
    /// </summary>
    public (IReadOnlyList<ISymbol> Members, IReadOnlyList<string> LeftOut)? EveryColumnBut(IOperation columns) => FromSchema(columns, anyStep: false);

    /// <summary>
    /// As <see cref="EveryColumnBut"/>, also when a step of the query cannot be read (a filter by type, a helper's
    /// predicate): the members such a list may take, for a rule that had better stay quiet about a member it may take.
    /// </summary>
    public IReadOnlyList<ISymbol>? MayTake(IOperation columns) => FromSchema(columns, anyStep: true)?.Members;

    private (IReadOnlyList<ISymbol> Members, IReadOnlyList<string> LeftOut)? FromSchema(IOperation columns, bool anyStep)
    {
        var leftOut = new NamedColumns(this);
        var chosen = new NamedColumns(this);
        var followed = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        for (var current = LocalLineage.Unconverted(columns); ;)
        {
            switch (current)
            {
                case ILocalReferenceOperation local when followed.Add(local.Local) && OnlyValueOf(local.Local) is { } value:
                    current = LocalLineage.Unconverted(value);
                    continue;
                case IInvocationOperation { TargetMethod.ContainingType.Name: "Enumerable" or "Queryable" } call
                    when (call.Instance ?? call.Arguments.FirstOrDefault()?.Value) is { } source && (KeepsNames(call, leftOut) || anyStep):
                    if (anyStep && Chooses(call, new NamedColumns(this)) is { } names)
                    {
                        chosen.AddFrom(names);
                    }

                    current = LocalLineage.Unconverted(source);
                    continue;
                case IPropertyReferenceOperation { Property.Name: "Schema", Property.ContainingType.Name: "IDataView" }:
                    var members = (_named ??= TypeArguments()).Concat(leftOut.RowTypes).Concat(chosen.RowTypes).Distinct<ITypeSymbol>(SymbolEqualityComparer.Default).SelectMany(type => type.GetMembers())
                        .Where(member => member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public }
                            or IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false, DeclaredAccessibility: Accessibility.Public })
                        .Where(member => !leftOut.Names.Any(name => Names(member, name)) && (chosen.Names.Count == 0 || chosen.Names.Any(name => Names(member, name))))
                        .ToList();
                    return (members, leftOut.Names);
                default:
                    return null;
            }
        }
    }

    // Whether a step of the query over the schema keeps every column but those it leaves out by name, which it adds.
    private static bool KeepsNames(IInvocationOperation call, NamedColumns leftOut) => call.TargetMethod.Name switch
    {
        "ToArray" or "ToList" or "AsEnumerable" or "AsQueryable" or "Distinct" => true,
        "Select" => Lambda(call) is { } select && IsName(Returned(select), select),
        "Where" => Lambda(call) is { } where && Returned(where) is { } condition && LeavesOut(condition, where, leftOut),
        "Except" => call.Arguments.Skip(1).FirstOrDefault()?.Value is { } names && leftOut.AddAll(names),
        _ => false,
    };

    // A filter that keeps only the columns it names, as ML.NET's hotel-ranking sample picks its five: c == "A" || c == "B",
    // or names.Contains(c); any other step chooses nothing.
    private static NamedColumns? Chooses(IInvocationOperation call, NamedColumns chosen) =>
        call.TargetMethod.Name == "Where" && Lambda(call) is { } where && Returned(where) is { } condition && Chooses(condition, where, chosen) ? chosen : null;

    private static bool Chooses(IOperation condition, IAnonymousFunctionOperation lambda, NamedColumns chosen) => LocalLineage.Unconverted(condition) switch
    {
        IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either => Chooses(either.LeftOperand, lambda, chosen) && Chooses(either.RightOperand, lambda, chosen),
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equal when IsName(equal.LeftOperand, lambda) => chosen.Add(equal.RightOperand),
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equal when IsName(equal.RightOperand, lambda) => chosen.Add(equal.LeftOperand),
        IInvocationOperation { TargetMethod.Name: "Contains" } contains
            when contains.Arguments.Length > 0 && IsName(contains.Arguments[contains.Arguments.Length - 1].Value, lambda)
            && (contains.Instance ?? contains.Arguments[0].Value) is { } names => chosen.AddAll(names),
        _ => false,
    };

    // n != "Label" && n != nameof(Row.GroupId), or !new[] { … }.Contains(n), over the name or the column's Name.
    private static bool LeavesOut(IOperation condition, IAnonymousFunctionOperation lambda, NamedColumns leftOut) => LocalLineage.Unconverted(condition) switch
    {
        IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both => LeavesOut(both.LeftOperand, lambda, leftOut) && LeavesOut(both.RightOperand, lambda, leftOut),
        IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals } unequal when IsName(unequal.LeftOperand, lambda) => leftOut.Add(unequal.RightOperand),
        IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals } unequal when IsName(unequal.RightOperand, lambda) => leftOut.Add(unequal.LeftOperand),
        IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, Operand: IInvocationOperation { TargetMethod.Name: "Contains" } contains }
            when contains.Arguments.Length > 0 && IsName(contains.Arguments[contains.Arguments.Length - 1].Value, lambda)
            && (contains.Instance ?? contains.Arguments[0].Value) is { } names => leftOut.AddAll(names),
        _ => false,
    };

    /// <summary>
    /// The names a schema query leaves out or chooses, and the row types its <c>nameof</c>s name: a method that is handed an
    /// <c>IDataView</c> names no row type but there, as in <c>c != nameof(SearchResultData.Label)</c>.
    /// </summary>
    private sealed class NamedColumns(PipelineColumns columns)
    {
        public List<string> Names { get; } = new();

        public List<ITypeSymbol> RowTypes { get; } = new();

        public void AddFrom(NamedColumns other)
        {
            Names.AddRange(other.Names);
            RowTypes.AddRange(other.RowTypes);
        }

        // A constant name; false for any other value, which makes the list unknown.
        public bool Add(IOperation name)
        {
            if (name.ConstantValue.Value is not string text)
            {
                return false;
            }

            Names.Add(text);
            if (name is INameOfOperation { Argument: IMemberReferenceOperation { Member.ContainingType: { } rowType } })
            {
                RowTypes.Add(rowType);
            }

            return true;
        }

        // The constant names of an array, set or list made on the spot or held in a local given only it, as real code
        // keeps them: var excluded = new HashSet<string>(new[] { "Time", "Class" }).
        public bool AddAll(IOperation names) => AddAll(names, new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default));

        private bool AddAll(IOperation names, HashSet<ILocalSymbol> followed) => LocalLineage.Unconverted(names) switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => AddEach(initializer.ElementValues),
            IObjectCreationOperation { Initializer: { } initializer } creation when creation.Arguments.IsEmpty =>
                initializer.Initializers.All(element => element is IInvocationOperation { Arguments.Length: 1 }) && AddEach(initializer.Initializers.Select(element => ((IInvocationOperation)element).Arguments[0].Value)),
            IObjectCreationOperation { Initializer: null, Arguments.Length: 1 or 2 } creation when IsStringCollection(creation.Type) =>
                LocalLineage.Unconverted(creation.Arguments[0].Value).Type is IArrayTypeSymbol && AddAll(creation.Arguments[0].Value, followed),
            ILocalReferenceOperation local when followed.Add(local.Local) && columns.OnlyValueOf(local.Local) is { } value => AddAll(value, followed),
            _ => false,
        };

        private bool AddEach(IEnumerable<IOperation> names)
        {
            var list = names.ToList();
            return list.All(name => name.ConstantValue.Value is string) && list.All(Add);
        }

        private static bool IsStringCollection(ITypeSymbol? type) =>
            type is INamedTypeSymbol { Name: "HashSet" or "List" or "SortedSet", TypeArguments.Length: 1 } collection && collection.TypeArguments[0].SpecialType == SpecialType.System_String;
    }

    // The lambda's parameter (the name, after a Select) or its Name (a DataViewSchema.Column's).
    private static bool IsName(IOperation? value, IAnonymousFunctionOperation lambda) => (value is null ? null : LocalLineage.Unconverted(value)) switch
    {
        IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, lambda.Symbol.Parameters.FirstOrDefault()) && parameter.Type?.SpecialType == SpecialType.System_String,
        IPropertyReferenceOperation { Property.Name: "Name", Instance: IParameterReferenceOperation column } => SymbolEqualityComparer.Default.Equals(column.Parameter, lambda.Symbol.Parameters.FirstOrDefault()),
        _ => false,
    };

    // A delegate's lambda, or an expression tree's (after AsQueryable).
    private static IAnonymousFunctionOperation? Lambda(IInvocationOperation call) =>
        call.Arguments.Skip(1).FirstOrDefault()?.Value is { } argument
            ? LocalLineage.Unconverted(argument) switch
            {
                IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => lambda,
                IAnonymousFunctionOperation lambda => lambda,
                _ => null,
            }
            : null;

    // The value an expression-bodied lambda returns.
    private static IOperation? Returned(IAnonymousFunctionOperation lambda) =>
        lambda.Body.Operations.Length == 1 && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } value } ? value : null;

    // The one value a local of the method is given, where it is declared; none when it is assigned again.
    private IOperation? OnlyValueOf(ILocalSymbol local)
    {
        var operations = _method.DescendantsAndSelf().ToList();
        var declared = operations.OfType<IVariableDeclaratorOperation>().FirstOrDefault(declarator => SymbolEqualityComparer.Default.Equals(declarator.Symbol, local));
        var reassigned = operations.OfType<IAssignmentOperation>().Any(assignment => assignment.Target is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local));
        return reassigned ? null : declared?.Initializer?.Value;
    }

    private bool Names(ISymbol member, string text) => IsColumn(member, text, _columnName);

    /// <summary>Whether a member is the column a name gives: a field or property, by its own name or by ML.NET's <c>[ColumnName]</c>.</summary>
    public static bool IsColumn(ISymbol member, string column, INamedTypeSymbol? columnName) =>
        member is IPropertySymbol or IFieldSymbol && ColumnOf(member, columnName) == column;

    /// <summary>The field or property of a row type, or of its bases, that ML.NET reads as the column named so.</summary>
    public static ISymbol? ColumnMember(ITypeSymbol type, string column, INamedTypeSymbol? columnName)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers().FirstOrDefault(member => IsColumn(member, column, columnName)) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The column ML.NET reads a member as: its <c>[ColumnName]</c>, or its own name.</summary>
    public static string ColumnOf(ISymbol member, INamedTypeSymbol? columnName) =>
        KnownSymbols.Find(member, columnName)?.ConstructorArguments.FirstOrDefault().Value as string ?? member.Name;

    private List<ITypeSymbol> TypeArguments() =>
        _method.DescendantsAndSelf().OfType<IInvocationOperation>()
            .SelectMany(call => call.TargetMethod.TypeArguments)
            .Distinct<ITypeSymbol>(SymbolEqualityComparer.Default)
            .ToList();

    // The members a column named by a string may be: of the method's type arguments, or, when none of them is a row type,
    // of the one row type of its class that has such a column, as Model Builder's BuildTrainingPipeline(MLContext) names
    // no type and its class's CreateModel loads LoadFromTextFile<ModelInput>. A column two of them have is not guessed at,
    // nor is a list of every column of a schema, which would take every member of a type only guessed at.
    private IEnumerable<ISymbol> MembersNamed(string column)
    {
        var named = _named ??= TypeArguments();
        if (named.Any(IsRowType))
        {
            return named.SelectMany(type => type.GetMembers()).Where(candidate => Names(candidate, column));
        }

        var candidates = (_classRowTypes ??= ClassRowTypes())
            .Select(type => type.GetMembers().Where(candidate => Names(candidate, column)).ToList())
            .Where(members => members.Count > 0)
            .ToList();
        return candidates.Count == 1 ? candidates[0] : Enumerable.Empty<ISymbol>();
    }

    // A row type is the user's: ML.NET's own types (the transformers Append is given) and the framework's are not.
    private static bool IsRowType(ITypeSymbol type) =>
        type.TypeKind is TypeKind.Class or TypeKind.Struct
        && !(type.ContainingNamespace?.ToDisplayString() is { } name && (name.StartsWith("Microsoft.ML", StringComparison.Ordinal) || name.StartsWith("System", StringComparison.Ordinal)));

    // The rows generic ML.NET calls anywhere in the method's class are given (the first type argument: LoadFromTextFile<T>'s
    // rows, CreatePredictionEngine<TSrc, TDst>'s input), in each of its files, as Model Builder writes the pipeline in
    // X.training.cs and CreatePredictionEngine<ModelInput, ModelOutput> in X.consumption.cs. Syntax first, so only the
    // generic calls are bound.
    private List<ITypeSymbol> ClassRowTypes()
    {
        if (_method.SemanticModel is not { } model || _method.Syntax.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration
            || model.GetDeclaredSymbol(declaration) is not { } type)
        {
            return new List<ITypeSymbol>();
        }

        return type.DeclaringSyntaxReferences
            .SelectMany(reference => GenericCalls(reference.GetSyntax(), reference.SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(reference.SyntaxTree)))
            .Where(method => PipelineColumnAnalyzer.IsMachineLearning(method))
            .Select(method => method.TypeArguments[0])
            .Where(IsRowType)
            .Distinct<ITypeSymbol>(SymbolEqualityComparer.Default)
            .ToList();

        static IEnumerable<IMethodSymbol> GenericCalls(SyntaxNode declaration, SemanticModel model) =>
            declaration.DescendantNodes()
                .OfType<InvocationExpressionSyntax>()
                .Where(call => call.Expression is GenericNameSyntax or MemberAccessExpressionSyntax { Name: GenericNameSyntax })
                .Select(call => model.GetSymbolInfo(call).Symbol)
                .OfType<IMethodSymbol>()
                .Where(method => method.TypeArguments.Length > 0);
    }

    // Each column an ML.NET transform of the method writes, with the columns it reads; one written in place reads itself.
    // Features built from columns are reported where they are built, so they are not followed again.
    private Dictionary<string, List<IOperation>> Derivations()
    {
        var derivations = new Dictionary<string, List<IOperation>>(StringComparer.Ordinal);
        foreach (var call in _method.DescendantsAndSelf().OfType<IInvocationOperation>())
        {
            if (PipelineColumnAnalyzer.OutputOf(call) is not { } output || PipelineColumnAnalyzer.BuildsFeatures(call, output))
            {
                continue;
            }

            if (!derivations.TryGetValue(output, out var inputs))
            {
                inputs = new List<IOperation>();
                derivations.Add(output, inputs);
            }

            inputs.AddRange(call.Arguments.Where(argument => argument.Parameter?.Name is PipelineColumnAnalyzer.InputColumn or PipelineColumnAnalyzer.InputColumns).SelectMany(argument => In(argument.Value)));
        }

        return derivations;
    }
}
