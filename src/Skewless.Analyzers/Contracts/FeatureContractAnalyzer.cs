using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Contracts;

/// <summary>
/// Checks every feature set against <c>FeatureSets.Shipped.txt</c>: a version whose definition no
/// longer has the recorded fingerprint (SKW502), and a version not recorded at all (SKW503). The
/// fingerprint ignores whitespace and comments, so only a change to the code can fire SKW502. A
/// logical name the file cannot hold gets SKW504 instead, since no entry for it would read back. A recorded version that
/// no feature set declares any more gets SKW505 when the compilation ends.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FeatureContractAnalyzer : SkewlessAnalyzer
{
    /// <summary>The diagnostic property holding the entry that records the current definition, for the code fixes.</summary>
    public const string EntryProperty = "Entry";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ChangedWithoutNewVersion, Descriptors.UnrecordedFeatureSet, Descriptors.UnrecordableFeatureSetName, Descriptors.UndeclaredRecordedVersion);

    private protected override void Start(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        // Read once per compilation; a project without the file gets SKW503 for each version.
        var file = context.Options.AdditionalFiles.FirstOrDefault(text => FeatureContract.IsContract(text.Path));
        var text = file?.GetText(context.CancellationToken);
        var contract = text is null ? null : FeatureContract.Parse(text.ToString());
        var declared = new ConcurrentDictionary<(string Name, int Version), bool>();
        var halfTyped = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        context.RegisterSymbolAction(
            symbol =>
            {
                var type = (INamedTypeSymbol)symbol.Symbol;
                if (KnownSymbols.Find(type, symbols.FeatureSetAttribute) is { } attribute)
                {
                    Declare(type, attribute, declared, halfTyped, symbol.CancellationToken);
                    Analyze(symbol, type, attribute, symbols, contract);
                }
            },
            SymbolKind.NamedType);
        if (contract is { Entries.Count: > 0 })
        {
            context.RegisterCompilationEndAction(end => ReportUndeclared(end, file!.Path, text!, contract, declared, halfTyped));
        }
    }

    // While the attribute is being typed its version may not read yet: every entry of its name is then taken as declared.
    private static void Declare(INamedTypeSymbol type, AttributeData attribute, ConcurrentDictionary<(string, int), bool> declared, ConcurrentDictionary<string, bool> halfTyped, CancellationToken cancellationToken)
    {
        var (name, version) = FeatureSetParser.Identity(type, attribute);
        declared.TryAdd((name, version), true);
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax
            || syntax.ContainsDiagnostics
            || attribute.NamedArguments.Any(argument => argument.Value.Kind == TypedConstantKind.Error)
            || syntax.ArgumentList?.Arguments.Count(argument => argument.NameEquals is not null) != attribute.NamedArguments.Length)
        {
            halfTyped.TryAdd(name, true);
        }
    }

    private static void ReportUndeclared(CompilationAnalysisContext context, string path, SourceText text, FeatureContract contract, ConcurrentDictionary<(string, int), bool> declared, ConcurrentDictionary<string, bool> halfTyped)
    {
        foreach (var entry in contract.Entries)
        {
            if (declared.ContainsKey((entry.Name, entry.Version)) || halfTyped.ContainsKey(entry.Name) || contract.Find(entry.Name, entry.Version) != entry)
            {
                continue;
            }

            var line = text.Lines[entry.Line].Span;
            var location = Location.Create(path, line, text.Lines.GetLinePositionSpan(line));
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UndeclaredRecordedVersion, location, entry.Name, entry.Version));
        }
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData attribute, KnownSymbols symbols, FeatureContract? contract)
    {
        if (FeatureSetParser.ParseOnce(type, symbols, context.Compilation, context.CancellationToken).Model is not { } model)
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
