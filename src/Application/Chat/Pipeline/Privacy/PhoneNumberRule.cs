namespace Chat9.Application.Chat.Pipeline.Privacy;

/// <summary>
/// Phone numbers: 7–15 digits with an optional leading <c>+</c>, grouped by spaces, dots, dashes or parentheses.
/// Dates (<c>2026-05-04</c>, <c>04.05.2026</c>), version numbers (<c>10.0.19041.1234</c>), decimals
/// (<c>1234567.89</c>) and shorter or longer numbers are left alone.
/// </summary>
internal static class PhoneNumberRule
{
    private const int MinDigits = 7;
    private const int MaxDigits = 15;

    /// <summary>The character spans of <paramref name="run"/> that are phone numbers, in order, not overlapping.</summary>
    public static List<(int Start, int End)> Find(DigitRun run)
    {
        var phones = new List<(int Start, int End)>();
        if (IsDecimalNumber(run))
        {
            return phones;
        }

        var excluded = new bool[run.Count];
        MarkDates(run, excluded);
        MarkVersions(run, excluded);

        var first = 0;
        while (first < run.Count)
        {
            var (last, digits) = LongestWindowFrom(run, first, excluded);
            if (last < first || digits < MinDigits)
            {
                first++;
                continue;
            }

            phones.Add(Span(run, first, last));
            first = last + 1;
        }

        return phones;
    }

    private static (int Last, int Digits) LongestWindowFrom(DigitRun run, int first, bool[] excluded)
    {
        var last = first - 1;
        var digits = 0;
        for (var g = first; g < run.Count && !excluded[g] && digits + run.Length(g) <= MaxDigits; g++)
        {
            digits += run.Length(g);
            last = g;
        }

        return (last, digits);
    }

    /// <summary>The window's text, with the leading "+" and the parentheses around an area code included.</summary>
    private static (int Start, int End) Span(DigitRun run, int first, int last)
    {
        var text = run.Text;
        var start = first == 0 ? 0 : run.Start(first);
        if (first > 0 && run.SeparatorBefore(first).EndsWith("("))
        {
            start--;
        }

        var end = run.End(last);
        var window = text.AsSpan(start, end - start);
        if (end < text.Length && text[end] == ')' && window.Count('(') > window.Count(')'))
        {
            end++;
        }

        return (start, end);
    }

    private static bool IsDecimalNumber(DigitRun run) =>
        run.Count == 2 && run.SeparatorBefore(1) is "." && run.Start(0) == 0 && run.End(1) == run.Text.Length;

    /// <summary>Three groups joined by the same "." or "-" that read as a calendar date.</summary>
    private static void MarkDates(DigitRun run, bool[] excluded)
    {
        for (var g = 0; g + 2 < run.Count; g++)
        {
            var separator = run.SeparatorBefore(g + 1);
            if (separator is not ("." or "-") || !run.SeparatorBefore(g + 2).SequenceEqual(separator) || !IsDate(run, g))
            {
                continue;
            }

            excluded[g] = excluded[g + 1] = excluded[g + 2] = true;
        }
    }

    private static bool IsDate(DigitRun run, int g)
    {
        int a = run.Value(g), b = run.Value(g + 1), c = run.Value(g + 2);
        if (run.Length(g) == 4)
        {
            return run.Length(g + 1) <= 2 && run.Length(g + 2) <= 2 && b is >= 1 and <= 12 && c is >= 1 and <= 31;
        }

        return run.Length(g) <= 2 && run.Length(g + 1) <= 2 && run.Length(g + 2) is 2 or 4
            && a is >= 1 and <= 31 && b is >= 1 and <= 31 && (a <= 12 || b <= 12);
    }

    /// <summary>Three or more groups joined by dots where a later group is a single digit: <c>1.2.3</c>, <c>10.0.19041.1234</c>.</summary>
    private static void MarkVersions(DigitRun run, bool[] excluded)
    {
        var first = 0;
        while (first < run.Count)
        {
            var last = first;
            while (last + 1 < run.Count && run.SeparatorBefore(last + 1) is ".")
            {
                last++;
            }

            var hasSingleDigitPart = false;
            for (var g = first + 1; g <= last; g++)
            {
                hasSingleDigitPart |= run.Length(g) == 1;
            }

            if (last - first >= 2 && hasSingleDigitPart)
            {
                Array.Fill(excluded, true, first, last - first + 1);
            }

            first = last + 1;
        }
    }
}
