using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Skewless.Analyzers.Skew.Culture;

/// <summary>
/// Code whose result follows the current culture unless told otherwise: parsing and formatting of
/// numbers and dates (by a call, an interpolated string or a concatenation), case changes, and
/// culture-sensitive string comparison.
/// </summary>
internal static class CultureSensitiveApis
{
    /// <summary>Diagnostic property: how the code fix makes the call culture-independent, one of the constants below.</summary>
    public const string FixProperty = "Fix";

    /// <summary>Pass <c>CultureInfo.InvariantCulture</c> as the format provider.</summary>
    public const string FormatProviderFix = "FormatProvider";

    /// <summary>Call <c>ToUpperInvariant</c> or <c>ToLowerInvariant</c> instead.</summary>
    public const string InvariantCaseFix = "InvariantCase";

    /// <summary>Pass <c>StringComparison.Ordinal</c>.</summary>
    public const string OrdinalFix = "Ordinal";

    /// <summary>Wrap an interpolated string in <c>FormattableString.Invariant</c>.</summary>
    public const string InvariantInterpolationFix = "InvariantInterpolation";

    /// <summary>Pass <c>CultureInfo.InvariantCulture</c> in place of the current culture.</summary>
    public const string InvariantCultureFix = "InvariantCulture";

    /// <summary>Pass <c>StringComparer.Ordinal</c> to a sort, search or sorted collection of strings that would compare them by culture.</summary>
    public const string OrdinalSortFix = "OrdinalSort";

    /// <summary>Add <c>RegexOptions.CultureInvariant</c> to options that ignore case.</summary>
    public const string CultureInvariantRegexFix = "CultureInvariantRegex";

    /// <summary>Read the invariant culture (or its number or date formats, or an ordinal comparer) in place of the current one.</summary>
    public const string InvariantReadFix = "InvariantRead";

    /// <summary>Format the number or date operand with <c>ToString(CultureInfo.InvariantCulture)</c> before it is concatenated or appended.</summary>
    public const string InvariantOperandFix = "InvariantOperand";

    /// <summary>Pass <c>StringComparer.Ordinal</c> or <c>OrdinalIgnoreCase</c> in place of a current-culture comparer.</summary>
    public const string OrdinalComparerFix = "OrdinalComparer";

    /// <summary>Call <c>ToString</c> with the same standard format and <c>CultureInfo.InvariantCulture</c> in place of <c>ToShortDateString()</c> and its kin.</summary>
    public const string InvariantPatternFix = "InvariantPattern";

    /// <summary>The standard format each of the culture's date and time pattern methods writes.</summary>
    public static readonly ImmutableDictionary<string, string> PatternFormats = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new[]
    {
        new KeyValuePair<string, string>("ToShortDateString", "d"),
        new KeyValuePair<string, string>("ToLongDateString", "D"),
        new KeyValuePair<string, string>("ToShortTimeString", "t"),
        new KeyValuePair<string, string>("ToLongTimeString", "T"),
    });

    private static readonly string[] Exceptions = { "System.Exception" };

    /// <summary>The operation kinds <see cref="Find"/> looks at.</summary>
    public static readonly OperationKind[] Kinds =
    {
        OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.InterpolatedString, OperationKind.Binary, OperationKind.CompoundAssignment,
        OperationKind.PropertyReference,
    };

    public static FeatureUse? Find(IOperation operation) => FindAny(operation) is { } use && !InException(operation) ? use : null;

    private static FeatureUse? FindAny(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => FindCall(invocation),
        IObjectCreationOperation { Constructor: { } constructor } creation =>
            ComparerUse(constructor, creation.Arguments) ?? SortedByDefault(constructor) ?? RegexUse(constructor, creation.Arguments),
        IInterpolatedStringOperation interpolation => FindInterpolation(interpolation),

        // string + value, and s += value, call value.ToString().
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation =>
            Concatenated(concatenation.LeftOperand) ?? Concatenated(concatenation.RightOperand),
        ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } append => Concatenated(append.Value),

        // The current culture, or a current-culture StringComparer, read for anything but an argument that the call's own
        // report covers: CultureInfo.CurrentCulture.TextInfo.ToTitleCase(name), NumberFormatInfo.CurrentInfo's separators,
        // StringComparer.CurrentCulture.Compare(a, b), or either kept in a local or a field.
        IPropertyReferenceOperation read when IsCurrentCulture(read) && !(Argument(read)?.Parameter is { } parameter && IsFormatProvider(parameter.Type)) && !IsAssigned(read) =>
            Use(read.Property, "directly", InvariantReadFix),
        IPropertyReferenceOperation read when IsCurrentCultureComparer(read) && Argument(read) is null =>
            Use(read.Property, "directly", InvariantReadFix),
        // Comparer<string>.Default compares strings by culture.
        IPropertyReferenceOperation { Property: { Name: "Default", ContainingType: { Name: "Comparer", TypeArguments.Length: 1 } comparer } } read
            when comparer.TypeArguments[0].SpecialType == SpecialType.System_String && InSystemCollectionsGeneric(comparer) =>
            Use(read.Property, "directly", InvariantReadFix),
        _ => null,
    };

    // Strings ordered with Comparer<string>.Default, which compares by culture: OrderBy(s => s), Order(), Min and Max of
    // strings, List<string>.Sort() and BinarySearch, Array.Sort(strings) and BinarySearch, when no comparer is passed.
    private static bool OrdersStringsByDefault(IMethodSymbol method)
    {
        var compared = method.Name switch
        {
            "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending" when method.TypeArguments.Length == 2 && IsLinq(method) => method.TypeArguments[1],
            "Order" or "OrderDescending" or "Min" or "Max" when method.TypeArguments.Length == 1 && IsLinq(method) => method.TypeArguments[0],
            "Sort" or "BinarySearch" when method.ContainingType is { Name: "List", TypeArguments.Length: 1 } list && InSystemCollectionsGeneric(list) => list.TypeArguments[0],
            "Sort" or "BinarySearch" when IsSystemType(method.ContainingType, "Array") && method.Parameters.Length > 0 => (method.Parameters[0].Type as IArrayTypeSymbol)?.ElementType,
            _ => null,
        };
        return compared?.SpecialType == SpecialType.System_String && !method.Parameters.Any(parameter => parameter.Type.Name is "IComparer" or "Comparison");
    }

    // new SortedSet<string>(), SortedDictionary<string, T>() or SortedList<string, T>() without a comparer orders its keys by culture.
    private static FeatureUse? SortedByDefault(IMethodSymbol constructor) =>
        constructor.ContainingType is { Name: "SortedSet" or "SortedDictionary" or "SortedList", TypeArguments.Length: > 0 } sorted
        && sorted.TypeArguments[0].SpecialType == SpecialType.System_String && InSystemCollectionsGeneric(sorted)
        && !constructor.Parameters.Any(parameter => parameter.Type.Name == "IComparer")
            ? Use(constructor, "without a StringComparer", OrdinalSortFix)
            : null;

    private static bool IsLinq(IMethodSymbol method) =>
        method.ContainingType.Name is "Enumerable" or "Queryable" && method.ContainingNamespace?.ToDisplayString() == "System.Linq";

    private static bool InSystemCollectionsGeneric(ITypeSymbol type) => type.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic";

    // A regex told to ignore case but not culture matches case by the current culture (the Turkish dotted and dotless i).
    private static FeatureUse? RegexUse(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments) =>
        method.ContainingType.Name == "Regex"
        && arguments.Any(argument => argument.Parameter?.Type.Name == "RegexOptions" && IgnoresCaseByCulture(argument.Value.ConstantValue))
        && method.ContainingNamespace?.ToDisplayString() == "System.Text.RegularExpressions"
            ? Use(method, "ignoring case without RegexOptions.CultureInvariant", CultureInvariantRegexFix)
            : null;

    /// <summary>Whether constant regex options have <c>IgnoreCase</c> and not <c>CultureInvariant</c>.</summary>
    public static bool IgnoresCaseByCulture(Optional<object?> options) =>
        options is { HasValue: true, Value: int flags }
        && ((RegexOptions)flags & (RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)) == RegexOptions.IgnoreCase;

    // The argument a value is passed as, seen through the conversions that pass it.
    private static IArgumentOperation? Argument(IOperation value)
    {
        while (value.Parent is IConversionOperation conversion)
        {
            value = conversion;
        }

        return value.Parent as IArgumentOperation;
    }

    private static bool IsAssigned(IOperation read) => read.Parent is IAssignmentOperation assignment && assignment.Target == read;

    private static FeatureUse? FindCall(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        // The cheap test first: this runs on every call features reach, and a provider's interfaces are many to list.
        if (invocation.Arguments.Any(argument => IsCurrentCulture(argument.Value) && argument.Parameter is { } parameter && IsFormatProvider(parameter.Type)))
        {
            return Use(method, "with the current culture", InvariantCultureFix);
        }

        if ((ComparerUse(method, invocation.Arguments) ?? RegexUse(method, invocation.Arguments)) is { } use)
        {
            return use;
        }

        var type = method.ContainingType;
        var parameters = method.Parameters;
        return method.Name switch
        {
            "Parse" or "TryParse" or "ParseExact" or "TryParseExact" when method.IsStatic && IsFormatted(type) && !PassesProvider(invocation) =>
                Use(method, "without a format provider", FormatProviderFix),
            "ToString" when !method.IsStatic && IsFormatted(invocation.Instance?.Type) && !PassesProvider(invocation)
                && !IsInvariantFormat(invocation.Instance!.Type!, FormatArgument(invocation)) =>
                Use(WithFormat(method, FormatArgument(invocation)), "without a format provider", FormatProviderFix),
            _ when !method.IsStatic && parameters.Length == 0 && PatternFormats.ContainsKey(method.Name) && IsFormatted(type) =>
                Use(method, "with the current culture's pattern", InvariantPatternFix),
            "Format" when method.IsStatic && type.SpecialType == SpecialType.System_String && !PassesProvider(invocation) && FillsCulturally(invocation) =>
                Use(method, "without a format provider", FormatProviderFix),
            "AppendFormat" when IsStringBuilder(type) && !PassesProvider(invocation) && FillsCulturally(invocation) =>
                Use(method, "without a format provider", FormatProviderFix),

            // These take no provider: the value must be formatted before it is passed.
            "Append" when IsStringBuilder(type) && parameters.Length == 1 && FormatsByDefault(parameters[0].Type) =>
                OperandUse(method, parameters[0].Type, "without a format provider"),
            "Insert" when IsStringBuilder(type) && parameters.Length == 2 && FormatsByDefault(parameters[1].Type) =>
                OperandUse(method, parameters[1].Type, "without a format provider"),
            "Concat" when method.IsStatic && type.SpecialType == SpecialType.System_String && FormatsNumberOrDate(invocation, skip: 0) =>
                WithoutFix(method, "without a format provider"),
            "Join" when method.IsStatic && type.SpecialType == SpecialType.System_String && FormatsNumberOrDate(invocation, skip: 1) =>
                WithoutFix(method, "without a format provider"),
            "AppendJoin" when IsStringBuilder(type) && FormatsNumberOrDate(invocation, skip: 1) =>
                WithoutFix(method, "without a format provider"),
            "ToString" when method.IsStatic && IsSystemType(type, "Convert") && parameters.Length == 1 && FormatsByDefault(parameters[0].Type) =>
                Use(method, "without a format provider", FormatProviderFix),
            // Convert.ToBoolean and ToChar of a string, and ToString of one, read no culture.
            _ when method.IsStatic && IsSystemType(type, "Convert") && method.Name.StartsWith("To", StringComparison.Ordinal)
                && method.Name is not ("ToBoolean" or "ToChar" or "ToString")
                && parameters.Length == 1 && parameters[0].Type.SpecialType == SpecialType.System_String =>
                Use(method, "without a format provider", FormatProviderFix),
            "ToUpper" or "ToLower" when (type.SpecialType == SpecialType.System_String && parameters.Length == 0)
                || (type.SpecialType == SpecialType.System_Char && parameters.Length == 1) =>
                Use(method, "without the invariant culture", InvariantCaseFix),
            "Compare" when method.IsStatic && type.SpecialType == SpecialType.System_String && !TakesComparisonOrCulture(method) =>
                Use(method, "without a StringComparison", OrdinalFix),
            "StartsWith" or "EndsWith" or "IndexOf" or "LastIndexOf" when !method.IsStatic && type.SpecialType == SpecialType.System_String
                && parameters.Length > 0 && parameters[0].Type.SpecialType == SpecialType.System_String && !TakesComparisonOrCulture(method) =>
                Use(method, "without a StringComparison", OrdinalFix),
            // string.CompareTo has no overload that takes a comparison, so there is nothing to pass: no code fix.
            "CompareTo" when !method.IsStatic && type.SpecialType == SpecialType.System_String => WithoutFix(method, "without a StringComparison"),
            _ when OrdersStringsByDefault(method) => Use(method, "without a StringComparer", OrdinalSortFix),
            _ when type.SpecialType == SpecialType.System_String && PassesCurrentCultureComparison(invocation) =>
                Use(method, "with a current-culture StringComparison", OrdinalFix),
            _ => null,
        };
    }

    // An interpolated string formats its values with the current culture, unless it becomes a FormattableString (as for
    // FormattableString.Invariant) or goes to a handler whose call is given a provider (as string.Create's is).
    private static FeatureUse? FindInterpolation(IInterpolatedStringOperation interpolation)
    {
        if (interpolation.Parent is IConversionOperation { Type: { } target } && FeatureUses.FullName(target) is "System.FormattableString" or "System.IFormattable")
        {
            return null;
        }

        var handled = interpolation.Parent is IInterpolatedStringHandlerCreationOperation;
        if (handled && interpolation.Parent!.Parent is IArgumentOperation { Parent: IInvocationOperation receiver } && PassesProvider(receiver))
        {
            return null;
        }

        foreach (var part in interpolation.Parts)
        {
            var (value, format) = part switch
            {
                IInterpolationOperation hole => (hole.Expression, hole.FormatString?.ConstantValue.Value),
                IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation { TargetMethod.Name: "AppendFormatted", Arguments: { Length: > 0 } arguments } } =>
                    (arguments[0].Value, arguments.FirstOrDefault(argument => argument.Parameter?.Name == "format")?.Value.ConstantValue.Value),
                _ => (null, null),
            };
            if (FormattedType(value) is { } type && !IsInvariantFormat(type, format as string))
            {
                // A handler's string is not an expression the fix can wrap.
                var call = WithFormat(ToStringOf(type), format as string);
                return handled
                    ? WithoutFix(call, "in an interpolated string without a format provider")
                    : Use(call, "in an interpolated string without a format provider", InvariantInterpolationFix);
            }
        }

        return null;
    }

    // Text for an exception (its message, or anything thrown) is no part of a feature's value.
    private static bool InException(IOperation operation)
    {
        for (var current = operation.Parent; current is not null and not IBlockOperation; current = current.Parent)
        {
            if (current is IThrowOperation || (current is IObjectCreationOperation { Type: { } type } && FeatureUses.DerivesFromAny(type, Exceptions)))
            {
                return true;
            }
        }

        return false;
    }

    private static FeatureUse? Concatenated(IOperation operand) =>
        FormattedType(operand) is { } type && !IsInvariantFormat(type, null) ? OperandUse(ToStringOf(type), type, "in a string concatenation without a format provider") : null;

    // The fix formats the operand itself, which it can write only for a value that cannot be null.
    private static FeatureUse OperandUse(ISymbol method, ITypeSymbol operand, string missing) =>
        operand.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || !operand.IsValueType
            ? WithoutFix(method, missing)
            : Use(method, missing, InvariantOperandFix);

    // The type of the number or date, nullable or not, an operand holds, seen through the conversion to object (or
    // string) that passes it.
    private static ITypeSymbol? FormattedType(IOperation? operand)
    {
        while (operand is IConversionOperation { IsImplicit: true } conversion)
        {
            operand = conversion.Operand;
        }

        return IsFormatted(operand?.Type) ? operand!.Type : null;
    }

    // The ToString() that formats a value of the type, as messages name it.
    private static ISymbol ToStringOf(ITypeSymbol type)
    {
        type = FeatureUses.Underlying(type);
        return type.GetMembers(nameof(ToString)).OfType<IMethodSymbol>().FirstOrDefault(method => method.Parameters.Length == 0) ?? (ISymbol)type;
    }

    private static FeatureUse Use(ISymbol method, string missing, string fix) => Use(FeatureUses.Display(method), missing, fix);

    private static FeatureUse Use(string call, string missing, string fix) =>
        new(ImmutableArray.Create<object>(call, missing), ImmutableDictionary<string, string?>.Empty.Add(FixProperty, fix));

    // ToString("yyyy-MM") named with its format, so that the message shows which of the type's formats follows the culture.
    private static string WithFormat(ISymbol toString, string? format)
    {
        var call = FeatureUses.Display(toString);
        return format is null || !call.EndsWith("()", StringComparison.Ordinal) ? call : call.Substring(0, call.Length - 1) + SymbolDisplay.FormatLiteral(format, quote: true) + ")";
    }

    private static FeatureUse WithoutFix(ISymbol method, string missing) => WithoutFix(FeatureUses.Display(method), missing);

    private static FeatureUse WithoutFix(string call, string missing) => new(ImmutableArray.Create<object>(call, missing), ImmutableDictionary<string, string?>.Empty);

    private static bool IsStringBuilder(ITypeSymbol type) => FeatureUses.FullName(type) == "System.Text.StringBuilder";

    /// <summary>Numbers and dates, nullable or not, whose text form has culture-specific separators, signs, digits and names.</summary>
    public static bool IsFormatted(ITypeSymbol? type) => type is not null && (FeatureUses.Underlying(type).SpecialType switch
    {
        SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
            or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal or SpecialType.System_DateTime => true,
        _ => FeatureUses.Underlying(type) is var underlying
            && ((underlying.Name is "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" or "Half" or "Int128" or "UInt128" && InSystem(underlying))
                || (underlying.Name == "BigInteger" && FeatureUses.FullName(underlying) == "System.Numerics.BigInteger")),
    });

    // Types of the System namespace are recognized without building their full names: this runs on every call features reach.
    private static bool IsSystemType(ITypeSymbol type, string name) => type.Name == name && InSystem(type);

    private static bool InSystem(ITypeSymbol type) => type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };

    // A provider passed as null still means the current culture.
    private static bool PassesProvider(IInvocationOperation invocation) =>
        invocation.Arguments.Any(argument => argument.Parameter is { } parameter && IsFormatProvider(parameter.Type)
            && !(argument.Value.ConstantValue.HasValue && argument.Value.ConstantValue.Value is null));

    // The format string a ToString call is passed, if it is a constant.
    private static string? FormatArgument(IInvocationOperation invocation) =>
        invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Type.SpecialType == SpecialType.System_String)?.Value.ConstantValue.Value as string;

    // Formats that are the same in every culture: round-trip, RFC 1123, sortable and universal dates (only the first two
    // for a DateOnly or TimeOnly, which have no others), hexadecimal
    // integers, an unsigned integer's default and digit formats, and every time span format but the general ones.
    private static bool IsInvariantFormat(ITypeSymbol type, string? format)
    {
        type = FeatureUses.Underlying(type);

        // A TimeSpan follows the culture only in its general formats: by default, and in custom formats, it is written
        // the same everywhere.
        if (IsSystemType(type, "TimeSpan"))
        {
            return format is not ("g" or "G");
        }

        // An unsigned integer written by default or as plain digits has no sign or separator for a culture to change.
        if (IsUnsignedInteger(type) && (string.IsNullOrEmpty(format) || format is "G" or "g" || (format![0] is 'D' or 'd' && format.Skip(1).All(char.IsDigit))))
        {
            return true;
        }

        if (format is null)
        {
            return false;
        }

        return type.SpecialType switch
        {
            SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 => format.Length > 0 && format[0] is 'X' or 'x',
            SpecialType.System_DateTime => format is "O" or "o" or "R" or "r" or "s" or "u",
            _ when IsSystemType(type, "DateTimeOffset") => format is "O" or "o" or "R" or "r" or "s" or "u",
            _ => (IsSystemType(type, "DateOnly") || IsSystemType(type, "TimeOnly")) && format is "O" or "o" or "R" or "r",
        };
    }

    // string.Format, Concat and Join follow the culture only in how they format numbers and dates: strings, enums and
    // other values come out the same everywhere. The values' own types are read from syntax, as params arrays and spans
    // bind differently from one compiler to the next; a collection of numbers (for Join) counts as numbers.
    private static bool FormatsNumberOrDate(IInvocationOperation invocation, int skip) =>
        invocation is { Syntax: InvocationExpressionSyntax syntax, SemanticModel: { } model }
        && syntax.ArgumentList.Arguments.Skip(skip).Any(argument => model.GetTypeInfo(argument.Expression).Type is { } type && (FormatsByDefault(type) || FormatsByDefault(ElementType(type))));

    // A composite format follows the culture only where a hole formats a number or date by the culture: with a constant
    // format string each hole's own format decides, so "{0:X8}" of an int and "{0:o}" of a date do not, and "{0:g}" of a
    // TimeSpan does. Values passed by name, in an array made elsewhere, or to a format that is not a constant are judged by their types.
    private static bool FillsCulturally(IInvocationOperation invocation)
    {
        var format = invocation.Arguments.FirstOrDefault(argument => argument.Parameter is { Name: "format", Type.SpecialType: SpecialType.System_String });
        if (format is not { Syntax: ArgumentSyntax formatSyntax, Value.ConstantValue.Value: string text }
            || invocation is not { Syntax: InvocationExpressionSyntax syntax, SemanticModel: { } model }
            || CompositeFormatString.Holes(text) is not { } holes)
        {
            return FormatsNumberOrDate(invocation, skip: 1);
        }

        var arguments = syntax.ArgumentList.Arguments;
        var values = arguments.Skip(arguments.IndexOf(formatSyntax) + 1).Select(argument => argument.Expression).ToList();
        if (values.Count == 1 && model.GetTypeInfo(values[0]).Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Object })
        {
            // new object[] { ... } holds the values themselves; any other object[]'s are unknown. (An array of numbers is
            // one value, written as its type's name.)
            values = values[0] switch
            {
                ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.ToList(),
                ImplicitArrayCreationExpressionSyntax { Initializer: var initializer } => initializer.Expressions.ToList(),
                _ => null,
            };
        }

        if (values is null || arguments.Any(argument => argument.NameColon is not null))
        {
            return FormatsNumberOrDate(invocation, skip: 1);
        }

        return holes.Any(hole => hole.Index < values.Count && model.GetTypeInfo(values[hole.Index]).Type is { } type
            && IsFormatted(type) && !IsInvariantFormat(type, hole.Format));
    }

    private static bool IsUnsignedInteger(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_Byte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64
        || IsSystemType(type, "UInt128");

    // A value whose default text form (no format string) follows the culture.
    private static bool FormatsByDefault(ITypeSymbol? type) => IsFormatted(type) && !IsInvariantFormat(type!, null);

    private static ITypeSymbol? ElementType(ITypeSymbol type) => type is IArrayTypeSymbol array
        ? array.ElementType
        : (type is INamedTypeSymbol named ? new[] { named } : Enumerable.Empty<INamedTypeSymbol>()).Concat(type.AllInterfaces)
            .FirstOrDefault(candidate => candidate.TypeArguments.Length == 1 && FeatureUses.FullName(candidate.OriginalDefinition) == "System.Collections.Generic.IEnumerable")
            ?.TypeArguments[0];

    // StringComparison.CurrentCulture and CurrentCultureIgnoreCase.
    private static bool PassesCurrentCultureComparison(IInvocationOperation invocation) =>
        invocation.Arguments.Any(argument => argument.Parameter is { } parameter && FeatureUses.FullName(parameter.Type) == "System.StringComparison"
            && argument.Value.ConstantValue is { HasValue: true, Value: int comparison } && comparison is (int)StringComparison.CurrentCulture or (int)StringComparison.CurrentCultureIgnoreCase);

    // A dictionary, set, sort or search given StringComparer.CurrentCulture(IgnoreCase) orders and matches strings by culture.
    private static FeatureUse? ComparerUse(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments) =>
        arguments.Any(argument => IsCurrentCultureComparer(argument.Value)) ? Use(method, "with a current-culture StringComparer", OrdinalComparerFix) : null;

    private static bool IsCurrentCultureComparer(IOperation value) => CurrentCultureComparer(value) is not null;

    /// <summary>"CurrentCulture" or "CurrentCultureIgnoreCase" when <paramref name="value"/> is that <c>StringComparer</c>, else null.</summary>
    public static string? CurrentCultureComparer(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value is IPropertyReferenceOperation { Property: { Name: "CurrentCulture" or "CurrentCultureIgnoreCase" } property }
            && FeatureUses.FullName(property.ContainingType) == "System.StringComparer"
                ? property.Name
                : null;
    }

    /// <summary>Whether <paramref name="value"/> reads the current culture, or its number or date formats, as a provider.</summary>
    public static bool IsCurrentCulture(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value is IPropertyReferenceOperation { Property: { Name: "CurrentCulture" or "CurrentUICulture" or "CurrentInfo", ContainingType: { } type } }
            && FeatureUses.FullName(type) is "System.Globalization.CultureInfo" or "System.Globalization.NumberFormatInfo"
                or "System.Globalization.DateTimeFormatInfo" or "System.Threading.Thread";
    }

    private static bool IsFormatProvider(ITypeSymbol type) =>
        FeatureUses.FullName(type) == "System.IFormatProvider" || type.AllInterfaces.Any(candidate => FeatureUses.FullName(candidate) == "System.IFormatProvider");

    private static bool TakesComparisonOrCulture(IMethodSymbol method) =>
        method.Parameters.Any(parameter => FeatureUses.FullName(parameter.Type) is "System.StringComparison" or "System.Globalization.CultureInfo");
}
