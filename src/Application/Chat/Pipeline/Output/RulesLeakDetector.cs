using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Chat9.Application.Chat.Pipeline.Output;

/// <summary>
/// Finds the moment an answer starts reproducing the system prompt's rules: any <see cref="SpanLength"/> consecutive
/// characters of the rules text, compared case-insensitively with whitespace runs collapsed to one space.
/// </summary>
/// <remarks>
/// Every window of the normalised rules text is stored as a 64-bit polynomial hash; the output is fed one character at
/// a time into a rolling hash of its last <see cref="SpanLength"/> normalised characters, so each character costs O(1)
/// and a hash hit is confirmed against the text before it counts (no false alarm from a collision).
/// </remarks>
internal sealed class RulesLeakDetector
{
    public const int SpanLength = 60;

    private const ulong Base = 1_000_003;

    private static readonly ulong OutgoingFactor = Power(Base, SpanLength - 1);

    private readonly RulesFingerprint _rules;
    private readonly char[] _window = new char[SpanLength];
    private int _filled;
    private int _next;
    private ulong _hash;
    private bool _afterSpace = true;

    public RulesLeakDetector(string? rulesText) => _rules = RulesFingerprint.Of(rulesText ?? string.Empty);

    /// <summary>Feeds one output character; true when the last <see cref="SpanLength"/> normalised characters are rules text.</summary>
    public bool Feed(char c)
    {
        if (_rules.WindowHashes.Count == 0)
        {
            return false;
        }

        if (char.IsWhiteSpace(c))
        {
            if (_afterSpace)
            {
                return false;
            }

            _afterSpace = true;
            c = ' ';
        }
        else
        {
            _afterSpace = false;
            c = char.ToLowerInvariant(c);
        }

        char? outgoing = _filled == SpanLength ? _window[_next] : null;
        _hash = Roll(_hash, outgoing, c);
        _window[_next] = c;
        _next = (_next + 1) % SpanLength;
        _filled = Math.Min(_filled + 1, SpanLength);

        return _filled == SpanLength && _rules.WindowHashes.Contains(_hash) && _rules.Text.Contains(CurrentWindow(), StringComparison.Ordinal);
    }

    private string CurrentWindow() => string.Concat(_window.AsSpan(_next), _window.AsSpan(0, _next));

    private static ulong Roll(ulong hash, char? outgoing, char incoming)
    {
        unchecked
        {
            if (outgoing is { } old)
            {
                hash -= old * OutgoingFactor;
            }

            return (hash * Base) + incoming;
        }
    }

    private static ulong Power(ulong value, int exponent)
    {
        unchecked
        {
            ulong result = 1;
            for (var i = 0; i < exponent; i++)
            {
                result *= value;
            }

            return result;
        }
    }

    private static string Normalize(string text)
    {
        var normalized = new System.Text.StringBuilder(text.Length);
        var afterSpace = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!afterSpace)
                {
                    normalized.Append(' ');
                }

                afterSpace = true;
            }
            else
            {
                normalized.Append(char.ToLowerInvariant(c));
                afterSpace = false;
            }
        }

        return normalized.ToString();
    }

    /// <summary>
    /// The normalised rules text and the hash of each of its windows: computed once per distinct rules text (a bot's
    /// rules differ only by its names and the answer language) and shared by every answer streaming with them, so an
    /// open stream does not carry its own copy (it was about a quarter of a stream's memory).
    /// </summary>
    private sealed class RulesFingerprint
    {
        /// <summary>Distinct rules texts kept; past it the cache starts over (it only saves work, never changes results).</summary>
        private const int CacheCapacity = 512;

        private static readonly ConcurrentDictionary<string, RulesFingerprint> Cache = new(StringComparer.Ordinal);

        private RulesFingerprint(string rulesText)
        {
            Text = Normalize(rulesText);
            var hashes = new HashSet<ulong>();
            ulong hash = 0;
            for (var i = 0; i < Text.Length; i++)
            {
                hash = Roll(hash, i >= SpanLength ? Text[i - SpanLength] : null, Text[i]);
                if (i >= SpanLength - 1)
                {
                    hashes.Add(hash);
                }
            }

            WindowHashes = hashes.ToFrozenSet();
        }

        public string Text { get; }

        public FrozenSet<ulong> WindowHashes { get; }

        public static RulesFingerprint Of(string rulesText)
        {
            if (Cache.TryGetValue(rulesText, out var known))
            {
                return known;
            }

            if (Cache.Count >= CacheCapacity)
            {
                Cache.Clear();
            }

            return Cache.GetOrAdd(rulesText, text => new RulesFingerprint(text));
        }
    }
}
