using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skewless.Analyzers.Model;
using Skewless.Analyzers.Parsing;

namespace Skewless.Analyzers.Skew.Clones;

/// <summary>
/// Every feature fingerprint a compilation can see, by search key: those of its own feature sets,
/// computed from source, and those recorded in the assemblies it references.
/// </summary>
internal sealed class FingerprintTable
{
    public const string AttributeName = "Skewless.FeatureFingerprintAttribute";

    /// <summary>The attribute's property that records <see cref="UntypedShape.Format"/>.</summary>
    public const string UntypedProperty = "Untyped";

    private readonly Dictionary<ulong, List<FeatureFingerprint>> _bySearchKey;

    private FingerprintTable(Dictionary<ulong, List<FeatureFingerprint>> bySearchKey, InputTypes inputs, HashSet<SyntaxNode> featureSets, TrainingCode training, KnownSymbols symbols)
    {
        _bySearchKey = bySearchKey;
        Inputs = inputs;
        FeatureSetDeclarations = featureSets;
        Training = training;
        Symbols = symbols;
    }

    public InputTypes Inputs { get; }

    /// <summary>Code that matches a feature but is not serving code: what features call, and tests.</summary>
    public TrainingCode Training { get; }

    public KnownSymbols Symbols { get; }

    /// <summary>The declarations of the compilation's own feature sets, which are the features, not copies.</summary>
    public HashSet<SyntaxNode> FeatureSetDeclarations { get; }

    public bool TryGet(ulong searchKey, out List<FeatureFingerprint> fingerprints) => _bySearchKey.TryGetValue(searchKey, out fingerprints!);

    /// <summary>The table, or <see langword="null"/> when no fingerprint is in sight, so the search can be skipped.</summary>
    public static FingerprintTable? Build(Compilation compilation, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var models = new SemanticModels(compilation);
        var rows = new List<(string FeatureSet, ITypeSymbol InputType, string Method, ulong Key, Func<ITypeSymbol, ShapeHashes?> Shape)>();
        var declarations = new HashSet<SyntaxNode>();
        var featureSets = new List<INamedTypeSymbol>();
        foreach (var type in SourceFeatureSets.Find(compilation, symbols, models, cancellationToken))
        {
            featureSets.Add(type);
            declarations.UnionWith(type.DeclaringSyntaxReferences.Select(reference => reference.GetSyntax(cancellationToken)));
            if (FeatureFingerprinter.Returns(type, symbols, models, cancellationToken) is not { } set)
            {
                continue;
            }

            foreach (var returned in set.Returns)
            {
                // Worked out on the first match, on whichever thread finds it, with models of its own.
                rows.Add((set.MetadataName, set.InputType, returned.Method, returned.Key, inputType =>
                {
                    OperationShape? ShapeOf(bool eraseNumericTypes) =>
                        FeatureFingerprinter.Shape(returned, inputType, new SemanticModels(compilation), new PrivateHelpers(type, symbols.FeatureAttribute, CancellationToken.None), CancellationToken.None, eraseNumericTypes);

                    if (ShapeOf(eraseNumericTypes: false) is not { } shape)
                    {
                        return null;
                    }

                    // Wanted only for a copy that divides integers: worked out then, not for every match.
                    var untyped = new Lazy<UntypedShape?>(() => ShapeOf(eraseNumericTypes: true) is { } erased ? UntypedShape.Of(erased) : null);
                    return new ShapeHashes(shape.Exact, shape.Shape, shape.Literals, untyped);
                }));
            }
        }

        foreach (var (featureSet, inputType, fingerprint) in ReferencedFingerprints(compilation))
        {
            if (SearchKey.TryParse(fingerprint.SearchKey, out var key))
            {
                // Recorded only for features that divide floats, and not by assemblies built before it was.
                var hashes = new ShapeHashes(fingerprint.Exact, fingerprint.Shape, fingerprint.Literals.AsImmutableArray(), new Lazy<UntypedShape?>(() => UntypedShape.Parse(fingerprint.Untyped)));
                rows.Add((featureSet, inputType, fingerprint.Method, key, _ => hashes));
            }
        }

        var bySearchKey = new Dictionary<ulong, List<FeatureFingerprint>>();
        foreach (var (featureSet, inputType, method, key, shape) in rows.OrderBy(row => row.FeatureSet, StringComparer.Ordinal))
        {
            if (!bySearchKey.TryGetValue(key, out var bucket))
            {
                bucket = new List<FeatureFingerprint>();
                bySearchKey.Add(key, bucket);
            }

            bucket.Add(new FeatureFingerprint(featureSet, method, inputType, shape));
        }

        return bySearchKey.Count == 0 ? null : new FingerprintTable(bySearchKey, new InputTypes(rows.Select(row => row.InputType)), declarations, new TrainingCode(compilation, featureSets, declarations, symbols.FeatureAttribute), symbols);
    }

    // Only an assembly compiled against Skewless can carry fingerprints, which spares reading the
    // attributes of every other reference. Row types are looked up in the assembly first: asking the
    // compilation searches every reference, which is slow for many names.
    private static IEnumerable<(string FeatureSet, ITypeSymbol InputType, FingerprintModel Fingerprint)> ReferencedFingerprints(Compilation compilation)
    {
        var attributeType = compilation.GetTypeByMetadataName(AttributeName);
        if (attributeType is null)
        {
            yield break;
        }

        var inputTypes = new Dictionary<string, ITypeSymbol?>(StringComparer.Ordinal);
        foreach (var reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly
                || !assembly.Modules.Any(module => module.ReferencedAssemblies.Any(identity => identity.Name == attributeType.ContainingAssembly.Name)))
            {
                continue;
            }

            foreach (var attribute in assembly.GetAttributes())
            {
                if (!KnownSymbols.Is(attribute, attributeType) || Read(attribute) is not { } row)
                {
                    continue;
                }

                if (!inputTypes.TryGetValue(row.InputType, out var inputType))
                {
                    inputType = assembly.GetTypeByMetadataName(row.InputType) ?? compilation.GetTypeByMetadataName(row.InputType);
                    inputTypes.Add(row.InputType, inputType);
                }

                if (inputType is not null)
                {
                    yield return (row.FeatureSet, inputType, row.Fingerprint);
                }
            }
        }
    }

    private static (string FeatureSet, string InputType, FingerprintModel Fingerprint)? Read(AttributeData attribute)
    {
        var arguments = attribute.ConstructorArguments;
        if (arguments.Length != 7 || arguments.Take(6).Any(argument => argument.Value is not string) || arguments[6].Kind != TypedConstantKind.Array)
        {
            return null;
        }

        var literals = arguments[6].Values.Select(value => value.Value as string ?? "").ToEquatableArray();
        var untyped = attribute.NamedArguments.FirstOrDefault(argument => argument.Key == UntypedProperty).Value.Value as string;
        return ((string)arguments[0].Value!, (string)arguments[2].Value!, new FingerprintModel((string)arguments[1].Value!, (string)arguments[3].Value!, (string)arguments[4].Value!, (string)arguments[5].Value!, literals, untyped));
    }
}

/// <summary>The hashes of a feature's computation, with and without its numbers.</summary>
/// <param name="Exact">The hash of the computation, numbers included.</param>
/// <param name="Shape">The hash of the computation with numbers left out.</param>
/// <param name="Literals">The numbers left out of <paramref name="Shape"/>.</param>
/// <param name="Untyped">The computation with numeric types left out, for features in source.</param>
internal sealed record ShapeHashes(string Exact, string Shape, ImmutableArray<string> Literals, Lazy<UntypedShape?>? Untyped);

/// <summary>A feature's computation with numeric conversions and the types of numbers left out, which finds <c>n / 7</c> for <c>n / 7f</c>.</summary>
/// <param name="Shape">The hash without numbers or numeric types.</param>
/// <param name="TypedLiterals">The numbers with their types, such as <c>7f</c>.</param>
/// <param name="IntegerDivisions">For each division, whether it divides integers.</param>
internal sealed record UntypedShape(string Shape, ImmutableArray<string> TypedLiterals, ImmutableArray<bool> IntegerDivisions)
{
    public static UntypedShape Of(OperationShape erased) => new(erased.Shape, erased.TypedLiterals, erased.IntegerDivisions);

    /// <summary>
    /// As <see cref="FeatureFingerprintAttribute"/> records it, for a feature that divides: the hash, the divisions (<c>i</c>
    /// for integers, <c>f</c> for floats), then the numbers, separated by spaces, which neither hashes nor numbers contain.
    /// </summary>
    public string Format() =>
        string.Join(" ", new[] { Shape, string.Concat(IntegerDivisions.Select(integers => integers ? 'i' : 'f')) }.Concat(TypedLiterals));

    public static UntypedShape? Parse(string? text)
    {
        var parts = text?.Split(' ');
        return parts is { Length: >= 2 } && parts[1].Length > 0 && parts[1].All(division => division is 'i' or 'f')
            ? new UntypedShape(parts[0], parts.Skip(2).ToImmutableArray(), parts[1].Select(division => division == 'i').ToImmutableArray())
            : null;
    }
}

/// <summary>One fingerprint of a feature the compilation can see, whose hashes are worked out when first needed.</summary>
internal sealed class FeatureFingerprint
{
    private readonly Lazy<ShapeHashes?> _hashes;

    public FeatureFingerprint(string featureSet, string method, ITypeSymbol inputType, Func<ITypeSymbol, ShapeHashes?> hashes)
    {
        FeatureSet = featureSet;
        Method = method;
        InputType = inputType;
        _hashes = new Lazy<ShapeHashes?>(() => hashes(inputType), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The feature set's metadata name.</summary>
    public string FeatureSet { get; }

    /// <summary>The feature method's name.</summary>
    public string Method { get; }

    /// <summary>The row type.</summary>
    public ITypeSymbol InputType { get; }

    /// <summary>The hashes, or <see langword="null"/> when the feature is too small to protect.</summary>
    public ShapeHashes? Hashes => _hashes.Value;

    /// <summary>The feature as messages name it, such as <c>FlightFeatures.LogDistance</c>.</summary>
    public string DisplayName => FeatureFingerprinter.DisplayName(FeatureSet) + "." + Method;
}
