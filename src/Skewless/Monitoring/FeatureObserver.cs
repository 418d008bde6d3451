using System.ComponentModel;

namespace Skewless.Monitoring;

/// <summary>
/// Receives each feature's value as the generated kernel computes a row, so that monitoring sees
/// exactly what training and serving compute. Called by generated code; features are numbered in
/// schema order.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class FeatureObserver
{
    private protected FeatureObserver()
    {
    }

    /// <summary>A numeric feature's value, before its transform.</summary>
    public abstract void Number(int feature, double value);

    /// <summary>
    /// A categorical feature's value as a position: a bool's (0 for false, 1 for true), an enum's
    /// declared position (-1 when undeclared), or a vocabulary feature's index (-1 when missing).
    /// </summary>
    public abstract void Category(int feature, int position);

    /// <summary>A string feature's value, for a string without a vocabulary.</summary>
    public abstract void Text(int feature, string? value);
}
