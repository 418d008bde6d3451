using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Skewless.Analyzers.Skew.Culture;

/// <summary>
/// Calls whose result follows the current culture unless told otherwise: parsing and formatting of
/// numbers and dates, case changes, and culture-sensitive string comparison.
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

    public static FeatureUse? Find(IOperation operation)
    {
        if (operation is not IInvocationOperation invocation)
        {
            return null;
        }

        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        var parameters = method.Parameters;
        return method.Name switch
        {
            "Parse" or "TryParse" or "ParseExact" or "TryParseExact" when method.IsStatic && IsFormatted(type) && !PassesProvider(invocation) =>
                Use(method, "without a format provider", FormatProviderFix),
            "ToString" when !method.IsStatic && IsFormatted(invocation.Instance?.Type) && !PassesProvider(invocation) && !HasInvariantFormat(invocation) =>
                Use(method, "without a format provider", FormatProviderFix),
            "Format" when method.IsStatic && type.SpecialType == SpecialType.System_String && !PassesProvider(invocation) && FormatsNumberOrDate(invocation) =>
                Use(method, "without a format provider", FormatProviderFix),
            // Convert.ToBoolean and ToChar of a string, and ToString of one, read no culture.
            _ when method.IsStatic && FeatureUses.FullName(type) == "System.Convert" && method.Name.StartsWith("To", StringComparison.Ordinal)
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
            "CompareTo" when !method.IsStatic && type.SpecialType == SpecialType.System_String =>
                new(ImmutableArray.Create<object>(FeatureUses.Display(method), "without a StringComparison"), ImmutableDictionary<string, string?>.Empty),
            _ when type.SpecialType == SpecialType.System_String && PassesCurrentCultureComparison(invocation) =>
                Use(method, "with a current-culture StringComparison", OrdinalFix),
            _ => null,
        };
    }

    private static FeatureUse Use(IMethodSymbol method, string missing, string fix) =>
        new(ImmutableArray.Create<object>(FeatureUses.Display(method), missing), ImmutableDictionary<string, string?>.Empty.Add(FixProperty, fix));

    // Numbers and dates, whose text form has culture-specific separators, signs, digits and names.
    private static bool IsFormatted(ITypeSymbol? type) => type is not null && (type.SpecialType switch
    {
        SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
            or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal or SpecialType.System_DateTime => true,
        _ => FeatureUses.FullName(type) is "System.DateTimeOffset" or "System.TimeSpan" or "System.DateOnly" or "System.TimeOnly"
            or "System.Half" or "System.Int128" or "System.UInt128" or "System.Numerics.BigInteger",
    });

    // A provider passed as null still means the current culture.
    private static bool PassesProvider(IInvocationOperation invocation) =>
        invocation.Arguments.Any(argument => argument.Parameter is { } parameter && IsFormatProvider(parameter.Type)
            && !(argument.Value.ConstantValue.HasValue && argument.Value.ConstantValue.Value is null));

    // Standard formats that are the same in every culture: round-trip, RFC 1123, sortable and
    // universal dates, constant time spans, and hexadecimal integers.
    private static bool HasInvariantFormat(IInvocationOperation invocation)
    {
        if (invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Type.SpecialType == SpecialType.System_String)?.Value.ConstantValue is not { HasValue: true, Value: string format })
        {
            return false;
        }

        var instance = invocation.Instance!.Type!;
        return instance.SpecialType switch
        {
            SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 => format.Length > 0 && format[0] is 'X' or 'x',
            SpecialType.System_DateTime => format is "O" or "o" or "R" or "r" or "s" or "u",
            _ => FeatureUses.FullName(instance) switch
            {
                "System.DateTimeOffset" => format is "O" or "o" or "R" or "r" or "s" or "u",
                "System.TimeSpan" => format is "c" or "t" or "T",
                _ => false,
            },
        };
    }

    // string.Format follows the culture only in how it formats numbers and dates: strings, enums and
    // other arguments come out the same everywhere. The arguments' own types are read from syntax,
    // as params arrays and spans bind differently from one compiler to the next.
    private static bool FormatsNumberOrDate(IInvocationOperation invocation) =>
        invocation is { Syntax: InvocationExpressionSyntax syntax, SemanticModel: { } model }
        && syntax.ArgumentList.Arguments.Skip(1).Any(argument => IsFormatted(model.GetTypeInfo(argument.Expression).Type));

    // StringComparison.CurrentCulture and CurrentCultureIgnoreCase.
    private static bool PassesCurrentCultureComparison(IInvocationOperation invocation) =>
        invocation.Arguments.Any(argument => argument.Parameter is { } parameter && FeatureUses.FullName(parameter.Type) == "System.StringComparison"
            && argument.Value.ConstantValue is { HasValue: true, Value: int comparison } && comparison is (int)StringComparison.CurrentCulture or (int)StringComparison.CurrentCultureIgnoreCase);

    private static bool IsFormatProvider(ITypeSymbol type) =>
        FeatureUses.FullName(type) == "System.IFormatProvider" || type.AllInterfaces.Any(candidate => FeatureUses.FullName(candidate) == "System.IFormatProvider");

    private static bool TakesComparisonOrCulture(IMethodSymbol method) =>
        method.Parameters.Any(parameter => FeatureUses.FullName(parameter.Type) is "System.StringComparison" or "System.Globalization.CultureInfo");
}
