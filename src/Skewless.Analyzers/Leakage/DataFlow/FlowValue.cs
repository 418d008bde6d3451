namespace Skewless.Analyzers.Leakage.DataFlow;

/// <summary>
/// The origins a value can depend on, each with the best path to it. Immutable: every operation
/// returns a new value, or one of its inputs when nothing changes.
/// </summary>
internal sealed class FlowValue
{
    public static readonly FlowValue Empty = new(new Dictionary<Origin, FlowPath>());

    private readonly Dictionary<Origin, FlowPath> _items;

    private FlowValue(Dictionary<Origin, FlowPath> items) => _items = items;

    public bool IsEmpty => _items.Count == 0;

    public IEnumerable<KeyValuePair<Origin, FlowPath>> Items => _items;

    public static FlowValue Of(Origin origin, FlowPath path) => new(new Dictionary<Origin, FlowPath> { [origin] = path });

    public static FlowValue Union(FlowValue left, FlowValue right)
    {
        if (right.IsEmpty || ReferenceEquals(left, right))
        {
            return left;
        }

        if (left.IsEmpty)
        {
            return right;
        }

        var builder = new Builder(left);
        builder.Add(right);
        return builder.ToValue();
    }

    public static FlowValue Union(IEnumerable<FlowValue> values)
    {
        var builder = new Builder();
        foreach (var value in values)
        {
            builder.Add(value);
        }

        return builder.ToValue();
    }

    /// <summary>The same origins, each reached through <paramref name="step"/> first.</summary>
    public FlowValue Prepend(string? step)
    {
        if (step is null || IsEmpty)
        {
            return this;
        }

        return new FlowValue(_items.ToDictionary(item => item.Key, item => item.Value.Prepend(step)));
    }

    public bool SameAs(FlowValue other) =>
        _items.Count == other._items.Count
        && _items.All(item => other._items.TryGetValue(item.Key, out var path) && path.SameAs(item.Value));

    /// <summary>Collects origins, keeping the better path when an origin is added twice.</summary>
    public sealed class Builder
    {
        private Dictionary<Origin, FlowPath>? _items;

        public Builder()
        {
        }

        public Builder(FlowValue initial) => _items = new Dictionary<Origin, FlowPath>(initial._items);

        /// <summary>Adds an origin; returns whether it was new or its path got better.</summary>
        public bool Add(Origin origin, FlowPath path)
        {
            _items ??= new Dictionary<Origin, FlowPath>();
            if (_items.TryGetValue(origin, out var existing) && !path.IsBetterThan(existing))
            {
                return false;
            }

            _items[origin] = path;
            return true;
        }

        public void Add(FlowValue value)
        {
            foreach (var item in value._items)
            {
                Add(item.Key, item.Value);
            }
        }

        public FlowValue ToValue() => _items is null || _items.Count == 0 ? Empty : new FlowValue(_items);
    }
}
