using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Skewless;

/// <summary>Checks generated code makes of the rows it is given. Called by generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Rows
{
    /// <summary>
    /// Throws <see cref="ArgumentNullException"/> for a null row, which would otherwise fail as a
    /// <see cref="NullReferenceException"/> inside the first feature method that reads it.
    /// </summary>
    /// <typeparam name="TRow">The feature set's row type, a class.</typeparam>
    /// <param name="row">The row.</param>
    /// <remarks>The throw is out of line, so that the check does not keep the JIT from inlining the kernel it starts.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void NotNull<TRow>(TRow row)
        where TRow : class
    {
        if (row is null)
        {
            ThrowNull(typeof(TRow), nameof(row));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNull(Type rowType, string parameterName) =>
        throw new ArgumentNullException(parameterName, $"A {rowType.Name} row is null; a missing value belongs in a member of the row, which each feature maps to its defined value.");
}
