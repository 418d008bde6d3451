namespace Skewless.Transforms;

/// <summary>
/// A vocabulary's terms by <see cref="StableHash"/>, looked up on the serving path. The hash is the one an unseen
/// value's out-of-vocabulary bucket needs anyway, so a lookup hashes the value once, where a
/// <see cref="Dictionary{TKey, TValue}"/> would hash it again with its own function.
/// </summary>
/// <remarks>
/// Open addressing with linear probing in a table at most half full. It is filled once, from the fitted terms, and only
/// read after that: a value being looked up is never inserted, so no input can lengthen a probe (the reason a table
/// that takes untrusted keys randomises its hash).
/// </remarks>
internal sealed class TermIndex
{
    private readonly Entry[] _entries;
    private readonly int _mask;

    public TermIndex(string[] terms)
    {
        var capacity = 4;
        while (capacity < terms.Length * 2)
        {
            capacity *= 2;
        }

        _entries = new Entry[capacity];
        _mask = capacity - 1;
        for (var index = 0; index < terms.Length; index++)
        {
            var hash = StableHash.Of(terms[index]);
            var slot = (int)hash & _mask;
            while (_entries[slot].Term is not null)
            {
                slot = (slot + 1) & _mask;
            }

            _entries[slot] = new Entry(hash, terms[index], index);
        }
    }

    /// <summary>The index of the term <paramref name="value"/>, whose <see cref="StableHash.Of"/> is <paramref name="hash"/>; -1 when it is not a term.</summary>
    public int IndexOf(string value, ulong hash)
    {
        var entries = _entries;
        for (var slot = (int)hash & _mask; ; slot = (slot + 1) & _mask)
        {
            ref readonly var entry = ref entries[slot];
            if (entry.Term is null)
            {
                return -1;
            }

            if (entry.Hash == hash && string.Equals(entry.Term, value, StringComparison.Ordinal))
            {
                return entry.Index;
            }
        }
    }

    private readonly struct Entry(ulong hash, string term, int index)
    {
        public ulong Hash { get; } = hash;

        public string? Term { get; } = term;

        public int Index { get; } = index;
    }
}
