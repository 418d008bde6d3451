using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Skewless.Analyzers.Dependencies;

/// <summary>
/// The shape of every rule about the project's dependency files. Returns at once when the compilation
/// does not reference Skewless. Otherwise the rule runs once per compilation, on first need, over
/// inputs parsed once per file content; each diagnostic is reported from the action for the
/// additional file it is located in, so an editor shows it on that file.
/// </summary>
public abstract class DependencyAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!DependencyInputs.ReferencesSkewless(start.Compilation))
            {
                return;
            }

            var compilation = start.Compilation;
            var options = start.Options;
            var cancellationToken = start.CancellationToken;
            var diagnostics = new Lazy<ILookup<string, Diagnostic>>(() =>
            {
                var found = new List<Diagnostic>();
                if (DependencyInputs.TryCreate(compilation, options, cancellationToken) is { } inputs)
                {
                    Analyze(inputs, found);
                }

                return found.ToLookup(diagnostic => diagnostic.Location.GetLineSpan().Path, StringComparer.Ordinal);
            });

            start.RegisterAdditionalFileAction(file =>
            {
                foreach (var diagnostic in diagnostics.Value[file.AdditionalFile.Path])
                {
                    file.ReportDiagnostic(diagnostic);
                }
            });
        });
    }

    /// <summary>Adds this rule's diagnostics, each located in one of the input files.</summary>
    private protected abstract void Analyze(DependencyInputs inputs, List<Diagnostic> diagnostics);

    private protected static ImmutableArray<DiagnosticDescriptor> Supports(params DiagnosticDescriptor[] descriptors) => ImmutableArray.Create(descriptors);
}
