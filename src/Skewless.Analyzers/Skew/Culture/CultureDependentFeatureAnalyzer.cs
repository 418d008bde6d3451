using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Diagnostics;

namespace Skewless.Analyzers.Skew.Culture;

/// <summary>Reports features that parse, format (by a call, an interpolated string or a concatenation), change case or compare strings with the current culture (SKW303).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CultureDependentFeatureAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CultureDependentFeature);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start => FeatureUses.Register(start, Descriptors.CultureDependentFeature, CultureSensitiveApis.Find, CultureSensitiveApis.Kinds));
    }
}
