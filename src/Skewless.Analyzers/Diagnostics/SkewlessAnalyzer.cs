using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Diagnostics;

/// <summary>
/// The start every Skewless analyzer shares: no generated code, concurrent execution, and nothing
/// at all registered for a compilation that does not reference Skewless, so such projects pay nothing.
/// </summary>
public abstract class SkewlessAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KnownSymbols.TryCreate(start.Compilation) is { } symbols)
            {
                Start(start, symbols);
            }
        });
    }

    /// <summary>Registers the analyzer's actions for a compilation that references Skewless.</summary>
    private protected abstract void Start(CompilationStartAnalysisContext context, KnownSymbols symbols);
}
