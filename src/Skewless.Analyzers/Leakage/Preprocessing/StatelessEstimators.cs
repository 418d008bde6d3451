using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Skewless.Analyzers.Leakage.Lineage;

namespace Skewless.Analyzers.Leakage.Preprocessing;

/// <summary>
/// ML.NET estimators whose <c>Fit</c> learns nothing from the rows: those built on <c>TrivialEstimator</c> (a custom
/// mapping, a value map given its pairs, a type conversion, tokenizers, copying and selecting columns), and
/// <c>Concatenate</c>, <c>Expression</c> and <c>Hash</c>, which compute each row alone. Fitted on every row before a split,
/// they carry nothing of the test rows into training: turning clicks into a relevance label first is not a leak.
/// </summary>
internal sealed class StatelessEstimators
{
    private readonly DataSymbols _data;
    private readonly INamedTypeSymbol? _trivial;
    private readonly INamedTypeSymbol?[] _rowByRow;
    private readonly INamedTypeSymbol? _chain;

    public StatelessEstimators(Compilation compilation, DataSymbols data)
    {
        _data = data;
        _trivial = compilation.GetTypeByMetadataName("Microsoft.ML.Data.TrivialEstimator`1");
        _chain = compilation.GetTypeByMetadataName("Microsoft.ML.Data.EstimatorChain`1");
        _rowByRow = new[]
        {
            compilation.GetTypeByMetadataName("Microsoft.ML.Transforms.ColumnConcatenatingEstimator"),
            compilation.GetTypeByMetadataName("Microsoft.ML.Transforms.ExpressionEstimator"),
            compilation.GetTypeByMetadataName("Microsoft.ML.Transforms.HashingEstimator"),
        };
    }

    /// <summary>
    /// Whether the estimator learns nothing: one of those types, or a chain appended from them only, followed through
    /// locals assigned once and into a method of the file that returns it. Anything it cannot see through counts as learning.
    /// </summary>
    public bool LearnsNothing(IOperation? estimator, LocalLineage lineage) => LearnsNothing(estimator, lineage, new HashSet<ISymbol>(SymbolEqualityComparer.Default));

    private bool LearnsNothing(IOperation? estimator, LocalLineage lineage, HashSet<ISymbol> followed)
    {
        switch (estimator is null ? null : LocalLineage.Unconverted(estimator))
        {
            case ILocalReferenceOperation local when followed.Add(local.Local):
                return LearnsNothing(lineage.OnlyValueOf(local.Local), lineage, followed);
            case IInvocationOperation { TargetMethod.Name: "Append" } append when IsChain(append.Type):
                // chain.Append(next), or the extension start.Append(next): both parts, and every part of theirs, must learn nothing.
                var parts = append.Arguments.Select(argument => argument.Value).Prepend(append.Instance)
                    .Where(part => part?.Type is { } type && DataSymbols.Implements(type, _data.Estimator))
                    .ToList();
                return parts.Count == 2 && parts.All(part => LearnsNothing(part, lineage, followed));
            case IInvocationOperation { TargetMethod.Name: "AppendCacheCheckpoint" } cache:
                // Caching keeps the rows in memory and learns nothing; the extension's receiver is its first argument.
                return LearnsNothing(cache.Instance ?? cache.Arguments.FirstOrDefault()?.Value, lineage, followed);
            case IInvocationOperation call when ClassMethods.SameFileBody(call, CancellationToken.None) is { } body
                && followed.Add(call.TargetMethod.OriginalDefinition) && ClassMethods.OnlyReturn(body) is { } returned:
                // A helper of the file that builds the chain, as CreateFeaturePipeline(ml) does.
                return LearnsNothing(returned, new LocalLineage(new[] { body }, _data), followed);
            case { Type: { } type }:
                return IsStateless(type);
            default:
                return false;
        }
    }

    private bool IsChain(ITypeSymbol? type) => type is not null && DataSymbols.Is(type.OriginalDefinition, _chain);

    private bool IsStateless(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (DataSymbols.Is(current.OriginalDefinition, _trivial) || _rowByRow.Any(stateless => DataSymbols.Is(current, stateless)))
            {
                return true;
            }
        }

        return false;
    }
}
