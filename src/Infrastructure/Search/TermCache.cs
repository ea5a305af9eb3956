using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Chat9.Infrastructure.Search;

/// <summary>
/// Thread-safe memo from folded word to term (empty for a stop word). Most words of a corpus repeat, so analysis mostly
/// skips stemming, and every occurrence of a term shares one string instance. Looked up by span, so hits allocate nothing.
/// </summary>
internal sealed class TermCache
{
    private readonly ConcurrentDictionary<string, string> _terms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _termsBySpan;
    private readonly int _capacity;
    private int _count;

    /// <param name="capacity">Entries kept at most, so a stream of unique tokens (ids, numbers) cannot grow it without limit.</param>
    public TermCache(int capacity)
    {
        _capacity = capacity;
        _termsBySpan = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryGet(ReadOnlySpan<char> word, [MaybeNullWhen(false)] out string term) => _termsBySpan.TryGetValue(word, out term);

    public void Add(ReadOnlySpan<char> word, string term)
    {
        if (Volatile.Read(ref _count) >= _capacity)
        {
            return;
        }

        // An unchanged word is its own key, which saves a string.
        var key = word.SequenceEqual(term) ? term : word.ToString();
        if (_terms.TryAdd(key, term))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
