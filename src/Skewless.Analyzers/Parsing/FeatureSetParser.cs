using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Skewless.Analyzers.Diagnostics;
using Skewless.Analyzers.Model;

namespace Skewless.Analyzers.Parsing;

/// <summary>
/// Turns a <c>[FeatureSet]</c> class into a <see cref="FeatureSetModel"/>. The generator and the
/// definition analyzer share it: the generator keeps the model, the analyzer reports the
/// diagnostics. Invalid features are left out of the model, so that one mistake gives one
/// diagnostic rather than a cascade of compile errors in generated code.
/// </summary>
internal static class FeatureSetParser
{
    /// <summary>Names the generator adds to a feature set class.</summary>
    public static readonly IReadOnlyCollection<string> GeneratedMembers = new[] { "Fingerprint", "Schema", "Vector", "Fit", "Accumulator", "Fitted", "TermOf", "OrdinalOf", "SplitByTime", "SplitByGroup", "SplitByTimeAndGroup" };

    /// <summary>Names a feature's vector field cannot take, because <c>Vector</c> already has them.</summary>
    public static readonly IReadOnlyCollection<string> VectorMembers = new[] { "Width", "SparseWidth", "CopyTo", "Equals", "GetHashCode", "ToString", "GetType" };

    /// <summary>The most slots a feature set's vector may have (2^24): a dense row stays under 64 MB, and every offset and slot count fits an <see cref="int"/>.</summary>
    public const int MaxWidth = 1 << 24;

    /// <summary>A type as messages show it: short, with its type arguments, element type or pointer.</summary>
    private static string DisplayName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);

    /// <summary>A type's name qualified by namespace and containing types, without <c>global::</c>.</summary>
    internal static readonly SymbolDisplayFormat NameWithoutGlobal =
        SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    /// <summary>Parses <paramref name="type"/>, adding any definition errors to <paramref name="diagnostics"/>.</summary>
    /// <returns>The model, or <see langword="null"/> when nothing can be generated for the class.</returns>
    public static FeatureSetModel? Parse(
        INamedTypeSymbol type,
        KnownSymbols symbols,
        Compilation compilation,
        ICollection<Diagnostic>? diagnostics,
        CancellationToken cancellationToken) =>
        Parse(type, symbols, compilation, new SemanticModels(compilation), diagnostics, cancellationToken);

    /// <summary>
    /// <see cref="Parse(INamedTypeSymbol, KnownSymbols, Compilation, ICollection{Diagnostic}, CancellationToken)"/> once per
    /// compilation and class, for the analyzers that each need the model (SKW1xx's diagnostics, SKW405's reads, SKW502/503's
    /// fingerprint), so that the feature code is walked once rather than once per analyzer.
    /// </summary>
    public static (FeatureSetModel? Model, IReadOnlyList<Diagnostic> Diagnostics) ParseOnce(INamedTypeSymbol type, KnownSymbols symbols, Compilation compilation, CancellationToken cancellationToken) =>
        Parses.GetValue(compilation, _ => new ConcurrentDictionary<INamedTypeSymbol, Once<(FeatureSetModel?, IReadOnlyList<Diagnostic>)>>(SymbolEqualityComparer.Default))
            .GetOrAdd(type, _ => new Once<(FeatureSetModel?, IReadOnlyList<Diagnostic>)>())
            .Get(() =>
            {
                var diagnostics = new List<Diagnostic>();
                return (Parse(type, symbols, compilation, diagnostics, cancellationToken), diagnostics);
            });

    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<INamedTypeSymbol, Once<(FeatureSetModel?, IReadOnlyList<Diagnostic>)>>> Parses = new();

    /// <summary>
    /// The <c>[FeatureSet]</c> attribute and row type of <paramref name="type"/>, when its shape and row type let the
    /// generator complete it, or <see langword="null"/> after reporting why not (SKW100, SKW110).
    /// </summary>
    private static (AttributeData Attribute, ITypeSymbol InputType)? GeneratableInput(INamedTypeSymbol type, KnownSymbols symbols, ICollection<Diagnostic>? diagnostics, CancellationToken cancellationToken)
    {
        var attribute = KnownSymbols.Find(type, symbols.FeatureSetAttribute);
        if (attribute is null || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error
            || attribute.ConstructorArguments[0].Value is ITypeSymbol { TypeKind: TypeKind.Error })
        {
            return null;
        }

        if (ShapeProblem(type, cancellationToken) is { } problem)
        {
            diagnostics?.Add(Diagnostic.Create(Descriptors.FeatureSetShape, type.Locations.FirstOrDefault(), type.Name, problem));
            return null;
        }

        var inputType = attribute.ConstructorArguments[0].Value as ITypeSymbol;
        var inputProblem = inputType is null ? "name the row type, as in [FeatureSet(typeof(Row))]" : InputProblem(inputType, type);
        if (inputType is null || inputProblem is not null)
        {
            diagnostics?.Add(Diagnostic.Create(Descriptors.UnusableInputType, InputLocation(type, attribute, cancellationToken), type.Name, inputType is null ? "null" : DisplayName(inputType), inputProblem));
            return null;
        }

        return (attribute, inputType);
    }

    /// <summary>Parses <paramref name="type"/>, binding its features' bodies in <paramref name="models"/>, which later readers of the same code may share.</summary>
    public static FeatureSetModel? Parse(
        INamedTypeSymbol type,
        KnownSymbols symbols,
        Compilation compilation,
        SemanticModels models,
        ICollection<Diagnostic>? diagnostics,
        CancellationToken cancellationToken)
    {
        if (GeneratableInput(type, symbols, diagnostics, cancellationToken) is not var (attribute, inputType))
        {
            return null;
        }

        // A member named like a generated one makes the whole generated class fail to compile, so nothing is generated;
        // the features are still checked, so every mistake shows at once.
        var noReservedNames = CheckReservedMembers(type, diagnostics);
        if (diagnostics is not null)
        {
            CheckDataSource(type, attribute, inputType, symbols, diagnostics, cancellationToken);
        }

        var walker = new DefinitionWalker(compilation, models, inputType, cancellationToken);
        var features = new List<(FeatureModel Model, IMethodSymbol Method)>();
        var names = new Dictionary<string, IMethodSymbol>(StringComparer.Ordinal);
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var featureAttribute = KnownSymbols.Find(method, symbols.FeatureAttribute);
            if (featureAttribute is null)
            {
                ReportStrayTransform(method, symbols, diagnostics);
            }
            else if (ParseFeature(method, featureAttribute, inputType, symbols, names, walker, diagnostics, cancellationToken) is { } feature)
            {
                features.Add((feature, method));
            }
        }

        var width = features.Sum(feature => (long)feature.Model.Width);
        if (width > MaxWidth)
        {
            diagnostics?.Add(Diagnostic.Create(
                Descriptors.FeatureSetTooWide,
                type.Locations.FirstOrDefault(),
                type.Name,
                width.ToString("N0", CultureInfo.InvariantCulture),
                MaxWidth.ToString("N0", CultureInfo.InvariantCulture)));
        }

        if (!noReservedNames || width > MaxWidth)
        {
            return null;
        }

        var (name, version) = Identity(type, attribute);
        var (fingerprint, codes) = Fingerprint(inputType, features, walker, cancellationToken);
        return new FeatureSetModel(
            type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
            ContainingTypeDeclarations(type),
            type.Name,
            type.ToDisplayString(NameWithoutGlobal),
            name,
            version,
            fingerprint,
            inputType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            inputType.ToDisplayString(NameWithoutGlobal),
            inputType.IsReferenceType,
            features.Select((feature, i) => feature.Model with { Code = codes[i] }).ToEquatableArray(),
            Libraries(features.Select(feature => feature.Method), walker),
            EventTimeOf(inputType, type, symbols, compilation),
            GroupKeyOf(inputType, type, symbols, compilation),
            MonitoringParser.Label(inputType, type, compilation, memberType => Classify(memberType) is (var kind, null) ? kind : null));
    }

    /// <summary>The <c>[EventTime]</c> member the generated <c>SplitByTime</c> of <paramref name="featureSet"/> reads, or <see langword="null"/> when none is generated.</summary>
    public static EventTimeMember? EventTimeOf(ITypeSymbol inputType, INamedTypeSymbol featureSet, KnownSymbols symbols, Compilation compilation) =>
        SplitMemberOf(inputType, symbols.EventTimeAttribute, featureSet, compilation, IsComparableTime) is { } time ? new EventTimeMember(time.Name, time.Type) : null;

    /// <summary>The name of the <c>[GroupKey]</c> member the generated <c>SplitByGroup</c> of <paramref name="featureSet"/> reads, or <see langword="null"/> when none is generated.</summary>
    public static string? GroupKeyOf(ITypeSymbol inputType, INamedTypeSymbol featureSet, KnownSymbols symbols, Compilation compilation) =>
        SplitMemberOf(inputType, symbols.GroupKeyAttribute, featureSet, compilation, _ => true)?.Name;

    /// <summary>
    /// Whether the generator writes <paramref name="featureSet"/>'s <c>SplitByTime</c> (<paramref name="byTime"/>) or
    /// <c>SplitByGroup</c>: its rows have a member the split can read, and the class is complete enough to generate at all,
    /// which a draft that is not yet <c>static partial</c> is not.
    /// </summary>
    /// <remarks>
    /// Makes the checks <see cref="Parse(INamedTypeSymbol, KnownSymbols, Compilation, ICollection{Diagnostic}, CancellationToken)"/>
    /// makes before it binds the features, which an analyzer reporting a split should not pay for; a set wider than
    /// 2^24 slots (SKW111), known only once every feature is parsed, is taken as generated. A feature set of a referenced
    /// assembly, already compiled, generates the split it has.
    /// </remarks>
    public static bool GeneratesSplit(INamedTypeSymbol featureSet, bool byTime, KnownSymbols symbols, Compilation compilation, CancellationToken cancellationToken) =>
        featureSet.Locations.Any(location => location.IsInSource)
            ? GeneratableInput(featureSet, symbols, diagnostics: null, cancellationToken) is (_, var inputType)
                && CheckReservedMembers(featureSet, diagnostics: null)
                && (byTime ? EventTimeOf(inputType, featureSet, symbols, compilation) is not null : GroupKeyOf(inputType, featureSet, symbols, compilation) is not null)
            : featureSet.GetMembers(byTime ? "SplitByTime" : "SplitByGroup").Any(member => member is IMethodSymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public });

    /// <summary>Event times the generated SplitByTime takes a cutoff of: the date and time types, not numbers, which would make its overloads ambiguous.</summary>
    private static readonly string[] TimeTypes = { "System.DateTime", "System.DateTimeOffset", "System.DateOnly" };

    internal static bool IsComparableTime(ITypeSymbol type) => TimeTypes.Contains(type.ToDisplayString(NameWithoutGlobal));

    // A member the generated split can read: marked, readable from the feature set, and of a type it supports.
    private static (string Name, string Type)? SplitMemberOf(ITypeSymbol inputType, INamedTypeSymbol? attribute, INamedTypeSymbol featureSet, Compilation compilation, Func<ITypeSymbol, bool> supported)
    {
        var (member, type) = KnownSymbols.FindMember(inputType, attribute) switch
        {
            IPropertySymbol { IsStatic: false, GetMethod: { } getter } property when compilation.IsSymbolAccessibleWithin(getter, featureSet) => (property, property.Type),
            IFieldSymbol { IsStatic: false } field => ((ISymbol)field, field.Type),
            _ => (null, null),
        };
        return member is null || type is null || !compilation.IsSymbolAccessibleWithin(member, featureSet) || !supported(type)
            ? null
            : (member.Name, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
    }

    /// <summary>The logical name and version a <c>[FeatureSet]</c> attribute declares: its <c>Name</c>, else the class name, and its <c>Version</c>, else 1.</summary>
    public static (string Name, int Version) Identity(INamedTypeSymbol type, AttributeData attribute)
    {
        var name = NamedArgument(attribute, "Name") as string;
        return (string.IsNullOrWhiteSpace(name) ? type.Name : name!, NamedArgument(attribute, "Version") as int? ?? 1);
    }

    private static EquatableArray<CalledLibrary> Libraries(IEnumerable<IMethodSymbol> features, DefinitionWalker walker)
    {
        var libraries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var library in features.SelectMany(walker.LibrariesOf))
        {
            DefinitionWalker.AddLibrary(libraries, library.Key, library.Value);
        }

        return libraries.Select(library => new CalledLibrary(library.Key, library.Value)).ToEquatableArray();
    }

    private static string? ShapeProblem(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var isPartial = IsPartial(type, cancellationToken);
        if (!type.IsStatic || !isPartial)
        {
            return !type.IsStatic && !isPartial ? "static partial" : !type.IsStatic ? "static" : "partial";
        }

        // Arity, not IsGenericType, which is also true of a class nested in a generic type.
        if (type.Arity > 0)
        {
            return "non-generic";
        }

        // The generated part is in a file of its own, which cannot extend a file-local type.
        if (type.IsFileLocal)
        {
            return "declared without 'file', as the generated part is in another file";
        }

        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            var notPartial = !IsPartial(container, cancellationToken);
            if (notPartial || container.Arity > 0 || container.IsFileLocal)
            {
                var why = notPartial ? "is not partial" : container.Arity > 0 ? "is generic" : "is file-local";
                return $"nested only in partial, non-generic, non-file types ('{container.Name}' {why})";
            }
        }

        return null;
    }

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.All(reference =>
            reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
            && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static void CheckDataSource(INamedTypeSymbol type, AttributeData attribute, ITypeSymbol inputType, KnownSymbols symbols, ICollection<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (symbols.DataSourceAttribute is null || symbols.DataSourceOf(inputType) is not null)
        {
            return;
        }

        diagnostics.Add(Diagnostic.Create(Descriptors.InputWithoutDataSource, InputLocation(type, attribute, cancellationToken), DisplayName(inputType), type.Name));
    }

    /// <returns>Whether no member of <paramref name="type"/> takes a name the generator adds.</returns>
    private static bool CheckReservedMembers(INamedTypeSymbol type, ICollection<Diagnostic>? diagnostics)
    {
        var clear = true;
        foreach (var member in type.GetMembers())
        {
            if (!member.IsImplicitlyDeclared && GeneratedMembers.Contains(member.Name) && !IsEnumHelperOverload(member) && member.Locations.FirstOrDefault() is { } location
                && location.SourceTree is { } tree && !GeneratedCode.Contains(tree))
            {
                diagnostics?.Add(Diagnostic.Create(Descriptors.ReservedName, location, member.Name, $"{type.Name}.{member.Name}"));
                clear = false;
            }
        }

        return clear;
    }

    // The generated TermOf and OrdinalOf each take one enum, so a helper of that name over anything else is an overload they
    // never meet: the enum converts implicitly to none of its parameters but object, and the exact enum wins over object.
    private static bool IsEnumHelperOverload(ISymbol member) =>
        member is IMethodSymbol { Name: "TermOf" or "OrdinalOf" } method
        && !(method.Parameters.Length == 1 && method.Parameters[0].Type.TypeKind == TypeKind.Enum);

    /// <summary>Why the generated members of <paramref name="featureSet"/> cannot take rows of <paramref name="inputType"/>, or <see langword="null"/> when they can.</summary>
    private static string? InputProblem(ITypeSymbol inputType, INamedTypeSymbol featureSet)
    {
        switch (inputType)
        {
            case INamedTypeSymbol { IsUnboundGenericType: true }:
                return "an open generic type has no rows; give its type arguments";
            case { TypeKind: TypeKind.Pointer or TypeKind.FunctionPointer } or { SpecialType: SpecialType.System_Void }:
                return "rows must be values or objects, not pointers or void";
            case { IsRefLikeType: true }:
                return "a ref struct cannot be held in the collections and spans of rows the generated code takes; make it a struct or class";
            case { IsStatic: true }:
                return "a static class has no instances to be rows";
        }

        var inputAccess = EffectiveAccessibility(inputType);
        var setAccess = EffectiveAccessibility(featureSet);
        return !Contains(inputAccess, setAccess)
            ? $"the type is {Keyword(inputAccess)} but the feature set is {Keyword(setAccess)}, and the feature set's generated public members take rows; make the feature set {Keyword(inputAccess)} or the type {Keyword(setAccess)}"
            : null;
    }

    // Where a type can be seen: the intersection of its own accessibility and that of its containers, type arguments
    // and element types, which is what C# checks for CS0051.
    private static Accessibility EffectiveAccessibility(ITypeSymbol type)
    {
        var effective = Accessibility.Public;
        foreach (var part in Parts(type))
        {
            for (ISymbol? symbol = part; symbol is INamedTypeSymbol named; symbol = named.ContainingType)
            {
                effective = Intersect(effective, named.DeclaredAccessibility == Accessibility.NotApplicable ? Accessibility.Public : named.DeclaredAccessibility);
            }
        }

        return effective;
    }

    // Protected and internal do not contain each other: where both hold is private protected.
    private static Accessibility Intersect(Accessibility first, Accessibility second) =>
        Contains(first, second) ? second : Contains(second, first) ? first : Accessibility.ProtectedAndInternal;

    // Whether code that can see something of accessibility `inner` can always see something of accessibility `outer`.
    private static bool Contains(Accessibility outer, Accessibility inner) => outer == inner || (outer, inner) switch
    {
        (Accessibility.Public, _) => true,
        (Accessibility.ProtectedOrInternal, not Accessibility.Public) => true,
        (Accessibility.Protected or Accessibility.Internal, Accessibility.ProtectedAndInternal or Accessibility.Private) => true,
        (Accessibility.ProtectedAndInternal, Accessibility.Private) => true,
        _ => false,
    };

    private static IEnumerable<ITypeSymbol> Parts(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => Parts(array.ElementType),
        INamedTypeSymbol named => new[] { type }.Concat(named.TypeArguments.SelectMany(Parts)),
        _ => new[] { type },
    };

    private static string Keyword(Accessibility accessibility) =>
        SyntaxFacts.GetText(accessibility) is { Length: > 0 } keyword ? keyword : "public";

    private static Location? InputLocation(INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList.Arguments: { Count: > 0 } arguments }
            ? arguments[0].GetLocation()
            : type.Locations.FirstOrDefault();

    /// <summary>Reports a transform attribute on a method that is not a feature (SKW108).</summary>
    public static void ReportStrayTransform(IMethodSymbol method, KnownSymbols symbols, ICollection<Diagnostic>? diagnostics)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (symbols.TransformOf(attribute) is { } transform)
            {
                diagnostics?.Add(Diagnostic.Create(Descriptors.TransformWithoutFeature, method.Locations.FirstOrDefault(), method.Name, transform));
            }
        }
    }

    private static FeatureModel? ParseFeature(
        IMethodSymbol method,
        AttributeData attribute,
        ITypeSymbol inputType,
        KnownSymbols symbols,
        Dictionary<string, IMethodSymbol> names,
        DefinitionWalker walker,
        ICollection<Diagnostic>? diagnostics,
        CancellationToken cancellationToken)
    {
        var location = method.Locations.FirstOrDefault();
        if (SignatureProblem(method, inputType) is { } problem)
        {
            diagnostics?.Add(Diagnostic.Create(Descriptors.FeatureSignature, location, method.Name, problem));
            return null;
        }

        var (kind, typeProblem) = Classify(method.ReturnType);
        var transform = typeProblem is null ? TransformParser.Parse(method, kind, symbols, diagnostics) : null;
        if (typeProblem is null && transform is null)
        {
            return null;
        }

        if (kind == FeatureKind.String && transform!.Kind == FeatureTransform.None)
        {
            typeProblem = "needs [Vocabulary] or [HashBuckets] to become numbers";
        }

        if (typeProblem is not null)
        {
            var returnTypeLocation = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration
                ? declaration.ReturnType.GetLocation()
                : location;
            diagnostics?.Add(Diagnostic.Create(Descriptors.UnsupportedFeatureType, returnTypeLocation, method.Name, method.ReturnType.ToDisplayString(), typeProblem));
            return null;
        }

        if (VectorMembers.Contains(method.Name))
        {
            diagnostics?.Add(Diagnostic.Create(Descriptors.ReservedName, location, method.Name, $"Vector.{method.Name}"));
            return null;
        }

        var name = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : method.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            diagnostics?.Add(Diagnostic.Create(Descriptors.FeatureName, location, name ?? "", $"of method '{method.Name}' is empty"));
            return null;
        }

        // The name goes into generated documentation comments, where a line break ends the comment.
        if (name!.Any(character => char.IsControl(character) || char.GetUnicodeCategory(character) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
        {
            diagnostics?.Add(Diagnostic.Create(Descriptors.FeatureName, location, SymbolDisplay.FormatLiteral(name!, quote: false), $"of method '{method.Name}' contains a line break or control character"));
            return null;
        }

        if (names.TryGetValue(name!, out var first))
        {
            diagnostics?.Add(Diagnostic.Create(Descriptors.FeatureName, location, name, $"is already the name of feature method '{first.Name}'"));
            return null;
        }

        names.Add(name!, method);

        // A second method with the same signature is already an error (CS0111), and generated calls to either would be ambiguous.
        if (HasDuplicateSignature(method))
        {
            return null;
        }

        return new FeatureModel(
            name!,
            method.Name,
            kind,
            method.ReturnType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            kind == FeatureKind.Enum ? EnumMembers((INamedTypeSymbol)method.ReturnType) : EquatableArray<string>.Empty,
            kind == FeatureKind.Enum ? ConsecutiveStart((INamedTypeSymbol)method.ReturnType) : null,
            walker.ReadsOf(method).ToEquatableArray(),
            transform!,
            MonitoringParser.DriftThreshold(method, kind, diagnostics, cancellationToken));
    }

    private static bool HasDuplicateSignature(IMethodSymbol method) =>
        method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().Any(other =>
            !SymbolEqualityComparer.Default.Equals(other, method)
            && other.Parameters.Length == method.Parameters.Length
            && other.Parameters.Zip(method.Parameters, (a, b) => SymbolEqualityComparer.Default.Equals(a.Type, b.Type)).All(same => same));

    private static string? SignatureProblem(IMethodSymbol method, ITypeSymbol inputType)
    {
        if (!method.IsStatic)
        {
            return "static";
        }

        if (method.IsGenericMethod)
        {
            return "non-generic";
        }

        var expected = $"a method with one parameter of type '{DisplayName(inputType)}'";
        if (method.Parameters.Length != 1 || !SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, inputType))
        {
            return expected;
        }

        if (method.Parameters[0].RefKind is not (RefKind.None or RefKind.In))
        {
            return $"{expected}, taken by value or 'in'";
        }

        return method.ReturnsByRef || method.ReturnsByRefReadonly ? "returning a value, not a reference" : null;
    }

    private static (FeatureKind Kind, string? Problem) Classify(ITypeSymbol type) => type switch
    {
        { SpecialType: SpecialType.System_Single } => (FeatureKind.Single, null),
        { SpecialType: SpecialType.System_Double } => (FeatureKind.Double, null),
        { SpecialType: SpecialType.System_Int32 } => (FeatureKind.Int32, null),
        { SpecialType: SpecialType.System_Int64 } => (FeatureKind.Int64, null),
        { SpecialType: SpecialType.System_Boolean } => (FeatureKind.Boolean, null),
        { TypeKind: TypeKind.Enum } => (FeatureKind.Enum, null),
        { SpecialType: SpecialType.System_String } => (FeatureKind.String, null),
        { SpecialType: SpecialType.System_Void } => (default, "is not a value: a feature must return float, double, int, long, bool, an enum, or a string with [Vocabulary] or [HashBuckets]"),
        { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } => (default, "is nullable: return a defined value instead, such as NaN for a missing number"),
        _ => (default, "is not supported: a feature must return float, double, int, long, bool, an enum, or a string with [Vocabulary] or [HashBuckets]"),
    };

    public static EquatableArray<string> EnumMembers(INamedTypeSymbol enumType)
    {
        var values = new HashSet<object>();
        return enumType.GetMembers()
            .OfType<IFieldSymbol>()
            .Where(field => field.HasConstantValue && values.Add(field.ConstantValue!))
            .Select(field => field.Name)
            .ToEquatableArray();
    }

    /// <summary>
    /// The first value, when the distinct values in declaration order count up by one from it (as most
    /// enums do): the one-hot slot is then the value minus the start, with no switch.
    /// </summary>
    private static int? ConsecutiveStart(INamedTypeSymbol enumType)
    {
        var values = new List<long>();
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>().Where(field => field.HasConstantValue))
        {
            var value = field.ConstantValue switch
            {
                int or short or sbyte or ushort or byte => Convert.ToInt64(field.ConstantValue, System.Globalization.CultureInfo.InvariantCulture),
                _ => (long?)null,
            };
            if (value is null)
            {
                return null;
            }

            if (!values.Contains(value.Value))
            {
                values.Add(value.Value);
            }
        }

        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] != values[0] + i)
            {
                return null;
            }
        }

        return values.Count == 0 ? null : (int)values[0];
    }

    private static EquatableArray<string> ContainingTypeDeclarations(INamedTypeSymbol type)
    {
        var declarations = new List<string>();
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            var keyword = container switch
            {
                { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
                { IsRecord: true } => "record",
                { TypeKind: TypeKind.Struct } => "struct",
                { TypeKind: TypeKind.Interface } => "interface",
                _ => "class",
            };
            declarations.Insert(0, $"partial {keyword} {container.Name}");
        }

        return declarations.ToEquatableArray();
    }

    // The definition's fingerprint, and each feature's own: its name, kind, code and the code of every helper and other
    // feature it reaches, so that SKW502 can name the feature whose code changed. Each declaration's tokens are read once.
    private static (string Fingerprint, string[] Codes) Fingerprint(ITypeSymbol inputType, List<(FeatureModel Model, IMethodSymbol Method)> features, DefinitionWalker walker, CancellationToken cancellationToken)
    {
        var featureMethods = new HashSet<ISymbol>(features.Select(feature => feature.Method), SymbolEqualityComparer.Default);
        var tokens = new Dictionary<ISymbol, List<string>>(SymbolEqualityComparer.Default);
        List<string> TokensOf(ISymbol symbol)
        {
            if (!tokens.TryGetValue(symbol, out var text))
            {
                // A feature's monitoring settings are not part of its definition.
                tokens[symbol] = text = DefinitionWalker.Declarations(symbol, cancellationToken)
                    .Select(declaration => DefinitionFingerprint.Tokens(featureMethods.Contains(symbol) ? MonitoringParser.WithoutMonitoringSettings(declaration) : declaration))
                    .ToList();
            }

            return text;
        }

        var fingerprint = new DefinitionFingerprint();
        fingerprint.Add("input", inputType.ToDisplayString(NameWithoutGlobal));
        var codes = new DefinitionFingerprint[features.Count];
        var reached = new List<(string Key, ISymbol Symbol)>[features.Count];
        for (var i = 0; i < features.Count; i++)
        {
            var (model, method) = features[i];
            codes[i] = new DefinitionFingerprint();
            foreach (var part in new[] { fingerprint, codes[i] })
            {
                part.Add("feature", $"{model.Name} {model.Kind} {string.Join(",", model.EnumMembers)}");
                foreach (var text in TokensOf(method))
                {
                    part.AddTokens("body", text);
                }
            }

            reached[i] = walker.Reachable(method)
                .Where(symbol => !SymbolEqualityComparer.Default.Equals(symbol, method))
                .Distinct<ISymbol>(SymbolEqualityComparer.Default)
                .Select(symbol => (Key: symbol.ToDisplayString(), Symbol: symbol))
                .OrderBy(callee => callee.Key, StringComparer.Ordinal)
                .ToList();
        }

        var helpers = reached.SelectMany(callees => callees)
            .Where(callee => !featureMethods.Contains(callee.Symbol))
            .GroupBy(callee => callee.Key, StringComparer.Ordinal)
            .Select(group => group.First())
            .OrderBy(helper => helper.Key, StringComparer.Ordinal);
        foreach (var (key, symbol) in helpers)
        {
            foreach (var text in TokensOf(symbol))
            {
                fingerprint.AddTokens("helper " + key, text);
            }
        }

        for (var i = 0; i < features.Count; i++)
        {
            foreach (var (key, symbol) in reached[i])
            {
                foreach (var text in TokensOf(symbol))
                {
                    codes[i].AddTokens("helper " + key, text);
                }
            }
        }

        return (fingerprint.ToString(), codes.Select(code => code.ToString().Substring(0, 8)).ToArray());
    }

    /// <summary>The value of a named argument of <paramref name="attribute"/>, or <see langword="null"/> when it is not given or does not bind.</summary>
    public static object? NamedArgument(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Kind != TypedConstantKind.Error)
            {
                return argument.Value.Value;
            }
        }

        return null;
    }
}
