using System.Text;

namespace Chat9.Application.Chat.Pipeline.Output;

/// <summary>
/// Turns the answer model's raw text deltas into what the visitor may see (pipeline.md sections 6 and 7): markers are
/// removed and interpreted, PII placeholders are restored, and the stream stops when the answer starts to leak the
/// system prompt.
/// </summary>
/// <remarks>
/// <para>
/// Markers never reach the client: the tail of the stream is held back while it could still become a marker
/// (<c>[[NOT_FOUND]]</c>, <c>[[CLARIFY]]</c>, a citation <c>[1]</c> / <c>[1, 3]</c>, a placeholder <c>[EMAIL_1]</c>)
/// or the start of the canary. The hold-back window is therefore at most <see cref="StreamMarker.MaxCitationLength"/>
/// characters of marker, plus trailing whitespace (kept until the next word so "word [1]." can become "word." and the
/// answer never ends in blanks), plus a run of backticks until it ends. Everything else is released at once; the
/// returned chunks add up exactly to <see cref="VisibleText"/>.
/// </para>
/// <para>
/// Citations: a bracketed list of numbers outside Markdown code. It is removed with one preceding space; numbers
/// 1..n are recorded. Right after an identifier (<c>array[0]</c>) it counts only when every number is a valid
/// citation, so code-like indexes in prose survive. <c>[1](url)</c> is a Markdown link and stays.
/// </para>
/// <para>
/// Leak guard: the canary counts as reproduced once its first half (at least 8 characters; all of a shorter canary)
/// appears; the rules text once <see cref="RulesLeakDetector.SpanLength"/> consecutive characters of it appear
/// (whitespace-normalised, case-insensitive). Both are checked on the raw model text as it arrives, before anything
/// of that delta is released; from then on nothing is emitted. What was released before the leak was recognised
/// stays sent: at most the start of the span minus the hold-back window (none of the canary, which is always held).
/// </para>
/// One instance serves one model answer; not thread-safe.
/// </remarks>
public sealed class AnswerStreamFilter
{
    private const int MinCanaryProbeLength = 8;

    private readonly string? _canaryProbe;
    private readonly RulesLeakDetector _rulesLeak;
    private readonly Func<string, string> _restorePlaceholders;
    private readonly int _contextCount;
    private readonly bool _clarificationAllowed;
    private readonly MarkdownCodeState _code = new();
    private readonly StringBuilder _pending = new();
    private readonly StringBuilder _heldWhitespace = new();
    private readonly StringBuilder _visible = new();
    private readonly List<int> _citations = [];
    private bool _started;
    private bool _dropNextSpace;
    private char _previous = '\n';
    private bool _afterKeptIndex;
    private bool _completed;

    /// <param name="canary">The random marker of this turn's system prompt; null when there is none.</param>
    /// <param name="rulesText">The built-in rules of the system prompt, for the long-span leak check.</param>
    /// <param name="restorePlaceholders">Puts PII back in place of placeholders (<c>PiiRedactor.Restore</c>); identity when null.</param>
    /// <param name="contextCount">The number of context chunks: valid citations are [1]..[contextCount].</param>
    /// <param name="clarificationAllowed">Whether this turn may still ask its conversation's one clarifying question.</param>
    public AnswerStreamFilter(string? canary, string? rulesText, Func<string, string>? restorePlaceholders, int contextCount, bool clarificationAllowed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contextCount);
        _canaryProbe = string.IsNullOrEmpty(canary)
            ? null
            : canary[..Math.Min(canary.Length, Math.Max(MinCanaryProbeLength, (canary.Length + 1) / 2))];
        _rulesLeak = new RulesLeakDetector(rulesText);
        _restorePlaceholders = restorePlaceholders ?? (text => text);
        _contextCount = contextCount;
        _clarificationAllowed = clarificationAllowed;
    }

    /// <summary>The reply started with <c>[[NOT_FOUND]]</c> (after optional whitespace): nothing was emitted; the caller discards the reply.</summary>
    public bool NotFound { get; private set; }

    /// <summary><c>[[CLARIFY]]</c> appeared and clarification was allowed (the marker itself is removed either way).</summary>
    public bool Clarification { get; private set; }

    /// <summary>The canary or a long span of the rules was reproduced: nothing more is emitted; the caller appends a refusal.</summary>
    public bool Leaked { get; private set; }

    /// <summary>The distinct valid citation numbers (1..n), in order of first use.</summary>
    public IReadOnlyList<int> Citations => _citations;

    /// <summary>Exactly the concatenation of every chunk returned so far.</summary>
    public string VisibleText => _visible.ToString();

    private bool Stopped => NotFound || Leaked;

    /// <summary>Takes the next raw delta; returns the chunks (non-empty) that are now safe to show.</summary>
    public IReadOnlyList<string> Push(string delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        if (_completed)
        {
            throw new InvalidOperationException("The answer stream is already complete.");
        }

        if (Stopped || delta.Length == 0)
        {
            return [];
        }

        _pending.Append(delta);
        if (ReproducesRules(delta) || ReproducesCanary())
        {
            Stop(leaked: true);
            return [];
        }

        return Release(endOfStream: false);
    }

    /// <summary>The model stream ended: releases the held-back tail (unfinished markers become text, or are dropped when they could only have been <c>[[…]]</c>) without trailing whitespace.</summary>
    public IReadOnlyList<string> Complete()
    {
        if (_completed)
        {
            return [];
        }

        _completed = true;
        if (Stopped)
        {
            return [];
        }

        var chunks = Release(endOfStream: true);
        _heldWhitespace.Clear();
        return chunks;
    }

    private bool ReproducesRules(string delta)
    {
        foreach (var c in delta)
        {
            if (_rulesLeak.Feed(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Only the unreleased text needs a look: a canary start at its end is always held back (<see cref="CanaryStartAtEnd"/>).</summary>
    private bool ReproducesCanary() =>
        _canaryProbe is not null && _pending.ToString().Contains(_canaryProbe, StringComparison.OrdinalIgnoreCase);

    /// <summary>The length of the longest end of <paramref name="text"/> that could be the beginning of the canary.</summary>
    private int CanaryStartAtEnd(string text)
    {
        if (_canaryProbe is null)
        {
            return 0;
        }

        for (var length = Math.Min(text.Length, _canaryProbe.Length - 1); length > 0; length--)
        {
            if (text.AsSpan(text.Length - length).Equals(_canaryProbe.AsSpan(0, length), StringComparison.OrdinalIgnoreCase))
            {
                return length;
            }
        }

        return 0;
    }

    private IReadOnlyList<string> Release(bool endOfStream)
    {
        var text = _pending.ToString();
        var limit = endOfStream ? text.Length : text.Length - CanaryStartAtEnd(text);
        var output = new StringBuilder();
        var position = 0;
        while (position < limit)
        {
            var consumed = text[position] switch
            {
                '[' => ConsumeBracket(text.AsSpan(position, limit - position), endOfStream, output),
                '`' => ConsumeBackticks(text.AsSpan(position, limit - position), endOfStream, output),
                _ => ConsumeCharacter(text[position], output),
            };

            if (Stopped)
            {
                return [];
            }

            if (consumed == 0)
            {
                break;
            }

            position += consumed;
        }

        _pending.Remove(0, position);
        if (output.Length == 0)
        {
            return [];
        }

        var chunk = output.ToString();
        _visible.Append(chunk);
        return [chunk];
    }

    /// <returns>The characters consumed; 0 to hold the rest back until more text arrives.</returns>
    private int ConsumeBracket(ReadOnlySpan<char> text, bool endOfStream, StringBuilder output)
    {
        var marker = StreamMarker.Read(text, endOfStream, citationsAllowed: !_code.Inside);
        switch (marker.Kind)
        {
            case StreamMarkerKind.Incomplete:
                return 0;
            case StreamMarkerKind.None:
                return ConsumeCharacter('[', output);
            case StreamMarkerKind.Truncated:
                return marker.Length;
            case StreamMarkerKind.NotFound when !_started:
                Stop(leaked: false);
                return marker.Length;
            case StreamMarkerKind.NotFound:
                RemoveMarker();
                return marker.Length;
            case StreamMarkerKind.Clarify:
                Clarification |= _clarificationAllowed;
                RemoveMarker();
                return marker.Length;
            case StreamMarkerKind.Placeholder:
                AppendText(_restorePlaceholders(text[..marker.Length].ToString()), output);
                return marker.Length;
            default:
                ConsumeCitation(text[..marker.Length], marker.Numbers!, output);
                return marker.Length;
        }
    }

    private void ConsumeCitation(ReadOnlySpan<char> marker, IReadOnlyList<int> numbers, StringBuilder output)
    {
        var allValid = numbers.All(IsValidCitation);
        var afterIdentifier = char.IsLetterOrDigit(_previous) || _previous == '_';
        if (_afterKeptIndex || (afterIdentifier && !allValid))
        {
            // array[0], matrix[0][1]: an index, not a citation.
            AppendText(marker.ToString(), output);
            _afterKeptIndex = true;
            return;
        }

        foreach (var number in numbers.Where(n => IsValidCitation(n) && !_citations.Contains(n)))
        {
            _citations.Add(number);
        }

        RemoveMarker();
    }

    private bool IsValidCitation(int number) => number >= 1 && number <= _contextCount;

    private int ConsumeBackticks(ReadOnlySpan<char> text, bool endOfStream, StringBuilder output)
    {
        var count = text.IndexOfAnyExcept('`');
        if (count < 0)
        {
            if (!endOfStream)
            {
                return 0;
            }

            count = text.Length;
        }

        _code.OnBackticks(count);
        AppendText(new string('`', count), output);
        return count;
    }

    private int ConsumeCharacter(char c, StringBuilder output)
    {
        if (c == '\n')
        {
            _code.OnLineBreak();
        }

        AppendText(c, output);
        return 1;
    }

    /// <summary>A removed marker takes one space before it along ("word [1]." → "word."), or the space after it at a line start.</summary>
    private void RemoveMarker()
    {
        _previous = ']';
        if (_heldWhitespace.Length > 0 && _heldWhitespace[^1] == ' ')
        {
            _heldWhitespace.Length--;
        }
        else if (!_started || _heldWhitespace.Length > 0)
        {
            _dropNextSpace = true;
        }
    }

    private void AppendText(string text, StringBuilder output)
    {
        foreach (var c in text)
        {
            AppendText(c, output);
        }
    }

    /// <summary>Whitespace waits until the next visible character: dropped at the start, kept between words, never trailing.</summary>
    private void AppendText(char c, StringBuilder output)
    {
        _previous = c;
        _afterKeptIndex = false;
        var dropSpace = _dropNextSpace;
        _dropNextSpace = false;
        if (char.IsWhiteSpace(c))
        {
            if (_started && !(dropSpace && c == ' '))
            {
                _heldWhitespace.Append(c);
            }

            return;
        }

        output.Append(_heldWhitespace).Append(c);
        _heldWhitespace.Clear();
        _started = true;
    }

    private void Stop(bool leaked)
    {
        Leaked = leaked;
        NotFound = !leaked;
        _pending.Clear();
        _heldWhitespace.Clear();
    }
}
