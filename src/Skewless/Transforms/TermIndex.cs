using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Skewless.Transforms;

/// <summary>
/// A vocabulary's terms that <see cref="ShortTermIndex"/> cannot hold, by a hash of their code units: those that do not
/// fit in <see cref="ShortStrings"/>' packed key, looked up for a served value that does not fit either.
/// </summary>
/// <remarks>
/// The hash lives only in this table, so it need not be <see cref="StableHash"/>, which takes a dependent multiply for
/// every code unit: this one takes one for every four. A value that is not a term still needs
/// <see cref="StableHash"/> for its out-of-vocabulary bucket, but most served values are terms.
/// Open addressing with linear probing in a table at most half full. It is filled once, from the fitted terms, and only
/// read after that: a value being looked up is never inserted, so no input can lengthen a probe (the reason a table
/// that takes untrusted keys randomises its hash). A probe reads twelve bytes an entry, the hash and the term's
/// position, and compares the term's string only when the hash matches.
/// </remarks>
internal sealed class TermIndex
{
    private readonly string[] _terms;
    private readonly ulong[] _hashes;
    private readonly int[] _positions; // a term's index plus one; 0 marks an empty entry
    private readonly int _mask;

    public TermIndex(string[] terms)
    {
        var held = Enumerable.Range(0, terms.Length).Where(index => !ShortStrings.Fits(terms[index])).ToList();
        var capacity = 4;
        while (capacity < held.Count * 2)
        {
            capacity *= 2;
        }

        _terms = terms;
        _hashes = new ulong[capacity];
        _positions = new int[capacity];
        _mask = capacity - 1;
        foreach (var index in held)
        {
            var hash = Hash(terms[index]);
            var entry = (int)hash & _mask;
            while (_positions[entry] != 0)
            {
                entry = (entry + 1) & _mask;
            }

            _hashes[entry] = hash;
            _positions[entry] = index + 1;
        }
    }

    /// <summary>The index of the term <paramref name="value"/>, a value that does not fit in a packed key, or -1 when it is not a term.</summary>
    public int IndexOf(string value)
    {
        var hash = Hash(value);
        for (var entry = (int)hash & _mask; ; entry = (entry + 1) & _mask)
        {
            var position = _positions[entry];
            if (position == 0)
            {
                return -1;
            }

            if (_hashes[entry] == hash && string.Equals(_terms[position - 1], value, StringComparison.Ordinal))
            {
                return position - 1;
            }
        }
    }

    // Four code units at a time, then the last one to three, then the MurmurHash3 finaliser so that the low bits, which
    // pick the entry, depend on every input bit. The same within a process, which is all a table built in it needs.
    private static ulong Hash(string value)
    {
        var hash = (ulong)value.Length * 0x9E3779B97F4A7C15;
        var codeUnits = MemoryMarshal.Cast<char, byte>(value.AsSpan());
        var whole = codeUnits.Length & ~7;
        ref var first = ref MemoryMarshal.GetReference(codeUnits);
        for (var offset = 0; offset < whole; offset += 8)
        {
            hash = (hash ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, offset))) * 0x9E3779B97F4A7C15;
            hash ^= hash >> 32;
        }

        ulong rest = 0;
        for (var position = value.Length - 1; position >= whole / 2; position--)
        {
            rest = (rest << 16) | value[position];
        }

        hash = (hash ^ rest) * 0xFF51AFD7ED558CCD;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53;
        hash ^= hash >> 33;
        return hash;
    }
}
