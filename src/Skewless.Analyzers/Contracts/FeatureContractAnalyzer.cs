using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Contracts;

/// <summary>
/// Checks every feature set against <c>FeatureSets.Shipped.txt</c>: a version whose definition no
/// longer has the recorded fingerprint (SKW502), and a version not recorded at all (SKW503). The
/// fingerprint ignores whitespace and comments, so only a change to the code can fire SKW502. A
/// logical name the file cannot hold gets SKW504 instead, since no entry for it would read back.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FeatureContractAnalyzer : SkewlessAnalyzer
{
    /// <summary>The diagnostic property holding the entry that records the current definition, for the code fixes.</summary>
    public const string EntryProperty = "Entry";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ChangedWithoutNewVersion, Descriptors.UnrecordedFeatureSet, Descriptors.UnrecordableFeatureSetName);

    private protected override void Start(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        // Read once per compilation; a project without the file gets SKW503 for each version.
        var file = context.Options.AdditionalFiles.FirstOrDefault(text => FeatureContract.IsContract(text.Path));
        var contract = file?.GetText(context.CancellationToken) is { } text ? FeatureContract.Parse(text.ToString()) : null;
        context.RegisterSymbolAction(symbol => Analyze(symbol, symbols, contract), SymbolKind.NamedType);
    }

    private static void Analyze(SymbolAnalysisContext context, KnownSymbols symbols, FeatureContract? contract)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (KnownSymbols.Find(type, symbols.FeatureSetAttribute) is not { } attribute
            || FeatureSetParser.ParseOnce(type, symbols, context.Compilation, context.CancellationToken).Model is not { } model)
        {
            return;
        }

        // At the class the [FeatureSet] is on, where the Version to bump is.
        var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).FirstAncestorOrSelf<ClassDeclarationSyntax>()?.Identifier.GetLocation()
            ?? type.Locations.FirstOrDefault();
        if (FeatureContract.NameProblem(model.Name) is { } problem)
        {
            // Shown escaped, so that a line break in the name does not break the message.
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnrecordableFeatureSetName, location, type.Name, model.Name.Replace("\r", "\\r").Replace("\n", "\\n"), problem));
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(EntryProperty, FeatureContract.Entry(model));
        var recorded = contract?.Find(model.Name, model.Version);
        if (recorded is null)
        {
            var noFile = contract is null ? ", and the project has no such file" : "";
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnrecordedFeatureSet, location, properties, type.Name, model.Name, model.Version, noFile));
        }
        else if (recorded.Fingerprint != model.Fingerprint)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ChangedWithoutNewVersion, location, properties, type.Name, model.Name, model.Version, FeatureContract.Differences(recorded, model)));
        }
    }
}
