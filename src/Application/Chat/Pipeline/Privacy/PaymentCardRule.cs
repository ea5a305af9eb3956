namespace Chat9.Application.Chat.Pipeline.Privacy;

/// <summary>
/// Card numbers: 13–19 digits, passing the Luhn check, written in one piece or in groups of 4–6 digits (4-4-4-4,
/// 4-6-5, a shorter last group) joined by single spaces or dashes. Luhn keeps ordinary long numbers out (only one in
/// ten random digit strings passes); the grouping rule keeps dates and short numbers next to a number out of a card.
/// </summary>
internal static class PaymentCardRule
{
    private const int MinDigits = 13;
    private const int MaxDigits = 19;
    private const int MinGroupDigits = 4;
    private const int MaxGroupDigits = 6;

    /// <summary>The character spans of <paramref name="run"/> that are card numbers, in order, not overlapping.</summary>
    public static List<(int Start, int End)> Find(DigitRun run)
    {
        var cards = new List<(int Start, int End)>();

        // A leading "+" marks a phone number, never a card.
        var first = run.Text.StartsWith('+') ? 1 : 0;
        while (first < run.Count)
        {
            var last = LongestCardFrom(run, first);
            if (last < 0)
            {
                first++;
                continue;
            }

            cards.Add((run.Start(first), run.End(last)));
            first = last + 1;
        }

        return cards;
    }

    private static int LongestCardFrom(DigitRun run, int first)
    {
        var found = -1;
        var digits = 0;
        for (var last = first; last < run.Count; last++)
        {
            if (last > first && (!IsCardSeparator(run.SeparatorBefore(last)) || run.Length(last - 1) is < MinGroupDigits or > MaxGroupDigits))
            {
                break;
            }

            digits += run.Length(last);
            if (digits > MaxDigits)
            {
                break;
            }

            if (digits >= MinDigits && PiiChecksums.PassesLuhn(run.Digits(first, last)))
            {
                found = last;
            }
        }

        return found;
    }

    private static bool IsCardSeparator(ReadOnlySpan<char> separator) =>
        separator is " " or "-" or "\u00A0";
}
