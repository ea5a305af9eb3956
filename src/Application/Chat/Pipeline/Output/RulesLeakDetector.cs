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

    private readonly string _rules;
    private readonly HashSet<ulong> _windowHashes = [];
    private readonly ulong _outgoingFactor;
    private readonly char[] _window = new char[SpanLength];
    private int _filled;
    private int _next;
    private ulong _hash;
    private bool _afterSpace = true;

    public RulesLeakDetector(string? rulesText)
    {
        _rules = Normalize(rulesText ?? string.Empty);
        _outgoingFactor = Power(Base, SpanLength - 1);

        ulong hash = 0;
        for (var i = 0; i < _rules.Length; i++)
        {
            hash = Roll(hash, i >= SpanLength ? _rules[i - SpanLength] : null, _rules[i]);
            if (i >= SpanLength - 1)
            {
                _windowHashes.Add(hash);
            }
        }
    }

    /// <summary>Feeds one output character; true when the last <see cref="SpanLength"/> normalised characters are rules text.</summary>
    public bool Feed(char c)
    {
        if (_windowHashes.Count == 0)
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

        return _filled == SpanLength && _windowHashes.Contains(_hash) && _rules.Contains(CurrentWindow(), StringComparison.Ordinal);
    }

    private string CurrentWindow() => string.Concat(_window.AsSpan(_next), _window.AsSpan(0, _next));

    private ulong Roll(ulong hash, char? outgoing, char incoming)
    {
        unchecked
        {
            if (outgoing is { } old)
            {
                hash -= old * _outgoingFactor;
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
}
