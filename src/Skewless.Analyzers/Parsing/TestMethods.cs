using Microsoft.CodeAnalysis;

namespace Skewless.Analyzers.Parsing;

/// <summary>Unit tests, which hold oracles and shuffles on purpose, and ship no model.</summary>
internal static class TestMethods
{
    // By name, so no test framework has to be referenced; an attribute derived from one (Theory from Fact) counts too.
    private static readonly HashSet<string> AttributeNames = new(StringComparer.Ordinal)
    {
        "FactAttribute", "TheoryAttribute",                                 // xUnit
        "TestAttribute", "TestCaseAttribute", "TestCaseSourceAttribute",    // NUnit
        "TestMethodAttribute", "DataTestMethodAttribute",                   // MSTest
    };

    /// <summary>Whether <paramref name="symbol"/> is a test method of xUnit, NUnit or MSTest.</summary>
    public static bool IsTest(ISymbol symbol) =>
        symbol is IMethodSymbol method && method.GetAttributes().Any(attribute =>
        {
            for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
            {
                if (AttributeNames.Contains(type.Name))
                {
                    return true;
                }
            }

            return false;
        });
}
