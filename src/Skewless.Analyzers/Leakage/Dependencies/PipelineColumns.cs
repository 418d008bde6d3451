using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Leakage.Dependencies;

/// <summary>
/// The data source members an ML.NET column name stands for, in the method that builds the pipeline: the member it
/// names (<c>nameof(Trip.Time)</c>, or a string equal to a member's name or <c>[ColumnName]</c> on a type the method names
/// as a type argument, such as the rows of <c>LoadFromTextFile&lt;Trip&gt;</c>), and the members of the columns the
/// method's transforms derive it from (<c>OneHotEncoding("HospitalEncoded", nameof(Admission.Hospital))</c>).
/// </summary>
internal sealed class PipelineColumns
{
    private readonly IOperation _method;
    private readonly INamedTypeSymbol? _columnName;
    private List<ITypeSymbol>? _named;
    private Dictionary<string, List<IOperation>>? _derivedFrom;

    public PipelineColumns(IOperation call, INamedTypeSymbol? columnName)
    {
        _method = call;
        while (_method.Parent is { } parent)
        {
            _method = parent;
        }

        _columnName = columnName;
    }

    /// <summary>The column names an argument gives: itself, or the elements of the array a params argument or <c>new[] { … }</c> makes.</summary>
    public static IEnumerable<IOperation> In(IOperation value) =>
        value is IArrayCreationOperation { Initializer: { } elements } ? elements.ElementValues : new[] { value };

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
            foreach (var named in (_named ??= TypeArguments()).SelectMany(type => type.GetMembers()).Where(candidate => Names(candidate, text)))
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

    // Whether a member is the column a name gives: by its own name, or by ML.NET's [ColumnName].
    private bool Names(ISymbol member, string text) =>
        member is IPropertySymbol or IFieldSymbol
        && (KnownSymbols.Find(member, _columnName)?.ConstructorArguments.FirstOrDefault().Value as string ?? member.Name) == text;

    private List<ITypeSymbol> TypeArguments() =>
        _method.DescendantsAndSelf().OfType<IInvocationOperation>()
            .SelectMany(call => call.TargetMethod.TypeArguments)
            .Distinct<ITypeSymbol>(SymbolEqualityComparer.Default)
            .ToList();

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
