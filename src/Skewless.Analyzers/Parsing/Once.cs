namespace Skewless.Analyzers.Parsing;

/// <summary>
/// A value the first caller computes and later callers share, for work several analyzers of one compilation need.
/// A computation that throws, as a cancelled one does, is not kept, so the next caller computes it again.
/// </summary>
internal sealed class Once<T>
{
    private readonly object _gate = new();
    private bool _computed;
    private T? _value;

    public T Get(Func<T> compute)
    {
        lock (_gate)
        {
            if (!_computed)
            {
                _value = compute();
                _computed = true;
            }

            return _value!;
        }
    }
}
