namespace Skewless;

/// <summary>Argument checks that compile on both netstandard2.0 and current .NET.</summary>
internal static class Guard
{
    public static void NotNull(object? value, string parameterName)
    {
#if NET
        ArgumentNullException.ThrowIfNull(value, parameterName);
#else
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }
#endif
    }
}
