namespace Chat9.Application.Chat.Pipeline.Output;

internal enum StreamMarkerKind
{
    /// <summary>The "[" is ordinary text.</summary>
    None,

    /// <summary>The text so far could still become a marker: hold it back until more arrives.</summary>
    Incomplete,

    /// <summary>The stream ended inside what could only have become a <c>[[…]]</c> marker: dropped.</summary>
    Truncated,
    NotFound,
    Clarify,
    Placeholder,
    Citation,
}

/// <summary>A marker recognised at the start of the unreleased text: its kind, length and, for citations, the numbers.</summary>
internal readonly record struct StreamMarker(StreamMarkerKind Kind, int Length = 0, IReadOnlyList<int>? Numbers = null)
{
    public const string NotFoundText = "[[NOT_FOUND]]";
    public const string ClarifyText = "[[CLARIFY]]";

    /// <summary>The longest bracketed number list read as a citation (<c>[1, 2, 3, 4, 5, 6, 7, 8]</c>); longer is text.</summary>
    public const int MaxCitationLength = 24;

    private const int MaxCitationDigits = 3;
    private const int MaxPlaceholderDigits = 6;
    private static readonly string[] PlaceholderLabels = ["EMAIL", "PHONE", "CARD", "IBAN"];

    private static StreamMarker NoMarker => new(StreamMarkerKind.None);

    private static StreamMarker Pending => new(StreamMarkerKind.Incomplete);

    /// <summary>
    /// Reads the marker that starts at <paramref name="text"/>[0] (a "["). <paramref name="endOfStream"/>: nothing more
    /// will follow, so an unfinished marker is text (or, for <c>[[…</c>, dropped). <paramref name="citationsAllowed"/>
    /// is false inside Markdown code, where <c>[1]</c> is an index, not a citation.
    /// </summary>
    public static StreamMarker Read(ReadOnlySpan<char> text, bool endOfStream, bool citationsAllowed)
    {
        var notFound = ReadLiteral(text, NotFoundText, StreamMarkerKind.NotFound);
        var clarify = ReadLiteral(text, ClarifyText, StreamMarkerKind.Clarify);
        if (notFound.Kind != StreamMarkerKind.None || clarify.Kind != StreamMarkerKind.None)
        {
            var marker = notFound.Kind != StreamMarkerKind.None ? notFound : clarify;
            return marker.Kind == StreamMarkerKind.Incomplete && endOfStream ? new(StreamMarkerKind.Truncated, text.Length) : marker;
        }

        var placeholder = ReadPlaceholder(text);
        if (placeholder.Kind != StreamMarkerKind.None)
        {
            return placeholder.Kind == StreamMarkerKind.Incomplete && endOfStream ? NoMarker : placeholder;
        }

        if (!citationsAllowed)
        {
            return NoMarker;
        }

        var citation = ReadCitation(text, endOfStream);
        return citation.Kind == StreamMarkerKind.Incomplete && endOfStream ? NoMarker : citation;
    }

    private static StreamMarker ReadLiteral(ReadOnlySpan<char> text, string marker, StreamMarkerKind kind)
    {
        if (text.StartsWith(marker, StringComparison.Ordinal))
        {
            return new(kind, marker.Length);
        }

        // A lone "[" is held by the placeholder rule; from "[[" on, anything that departs from the marker is not it.
        return text.Length >= 2 && text.Length < marker.Length && marker.AsSpan().StartsWith(text, StringComparison.Ordinal)
            ? Pending
            : NoMarker;
    }

    /// <summary><c>[EMAIL_12]</c>: one of the redactor's labels, an underscore, 1–6 digits.</summary>
    private static StreamMarker ReadPlaceholder(ReadOnlySpan<char> text)
    {
        var position = 1;
        while (position < text.Length && char.IsAsciiLetterUpper(text[position]) && position <= 5)
        {
            position++;
        }

        var label = text[1..position];
        if (position == text.Length)
        {
            return IsLabelPrefix(label) ? Pending : NoMarker;
        }

        if (text[position] != '_' || !IsLabel(label))
        {
            return NoMarker;
        }

        var digitsStart = ++position;
        while (position < text.Length && char.IsAsciiDigit(text[position]) && position - digitsStart < MaxPlaceholderDigits)
        {
            position++;
        }

        if (position == text.Length)
        {
            return Pending;
        }

        return position > digitsStart && text[position] == ']' ? new(StreamMarkerKind.Placeholder, position + 1) : NoMarker;
    }

    /// <summary>
    /// <c>[1]</c>, <c>[1, 3]</c>: a list of 1–3 digit numbers. Followed by "(" it is a Markdown link (<c>[1](url)</c>)
    /// and stays text, so the character after "]" must be seen first.
    /// </summary>
    private static StreamMarker ReadCitation(ReadOnlySpan<char> text, bool endOfStream)
    {
        var numbers = new List<int>();
        var position = 1;
        while (true)
        {
            position = SkipSpaces(text, position);
            var digitsStart = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]) && position - digitsStart < MaxCitationDigits)
            {
                position++;
            }

            position = SkipSpaces(text, position);
            if (position >= text.Length)
            {
                return position < MaxCitationLength ? Pending : NoMarker;
            }

            if (position == digitsStart || position > MaxCitationLength)
            {
                return NoMarker;
            }

            numbers.Add(int.Parse(text[digitsStart..position].Trim(' '), System.Globalization.CultureInfo.InvariantCulture));
            if (text[position] == ']')
            {
                break;
            }

            if (text[position] != ',')
            {
                return NoMarker;
            }

            position++;
        }

        var length = position + 1;
        if (length == text.Length)
        {
            return endOfStream ? new(StreamMarkerKind.Citation, length, numbers) : Pending;
        }

        return text[length] == '(' ? NoMarker : new(StreamMarkerKind.Citation, length, numbers);
    }

    private static int SkipSpaces(ReadOnlySpan<char> text, int position)
    {
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }

        return position;
    }

    private static bool IsLabel(ReadOnlySpan<char> label)
    {
        foreach (var known in PlaceholderLabels)
        {
            if (label.SequenceEqual(known))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLabelPrefix(ReadOnlySpan<char> label)
    {
        foreach (var known in PlaceholderLabels)
        {
            if (known.AsSpan().StartsWith(label))
            {
                return true;
            }
        }

        return false;
    }
}
