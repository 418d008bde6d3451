using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
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
            "ToString" when !method.IsStatic && IsFormatted(invocation.Instance?.Type) && !PassesProvider(invocation) =>
                Use(method, "without a format provider", FormatProviderFix),
            _ when method.IsStatic && FeatureUses.FullName(type) == "System.Convert" && method.Name.StartsWith("To", StringComparison.Ordinal)
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

    private static bool IsFormatProvider(ITypeSymbol type) =>
        FeatureUses.FullName(type) == "System.IFormatProvider" || type.AllInterfaces.Any(candidate => FeatureUses.FullName(candidate) == "System.IFormatProvider");

    private static bool TakesComparisonOrCulture(IMethodSymbol method) =>
        method.Parameters.Any(parameter => FeatureUses.FullName(parameter.Type) is "System.StringComparison" or "System.Globalization.CultureInfo");
}
