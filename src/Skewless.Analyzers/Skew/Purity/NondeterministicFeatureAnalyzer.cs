using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Skew.Purity;

/// <summary>Reports features that reach the clock, randomness, the environment, I/O or mutable static state (SKW302).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NondeterministicFeatureAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NondeterministicFeature);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => FeatureUses.Register(
            start,
            Descriptors.NondeterministicFeature,
            uses =>
            {
                // Searched for only when a feature reads a static field whose object could be changed elsewhere.
                var writes = new Lazy<StaticWrites>(() => StaticWrites.Find(start.Compilation, uses, start.CancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
                var helpers = new StaticWrites.InitialisingHelpers(new SemanticModels(start.Compilation), start.CancellationToken);
                return operation => NondeterministicApis.Find(operation, writes, helpers);
            },
            OperationKind.Invocation,
            OperationKind.PropertyReference,
            OperationKind.FieldReference,
            OperationKind.MethodReference,
            OperationKind.ObjectCreation,
            OperationKind.Conversion));
    }
}
