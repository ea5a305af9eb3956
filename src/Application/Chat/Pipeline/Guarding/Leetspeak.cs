namespace Chat9.Application.Chat.Pipeline.Guarding;

/// <summary>
/// Reads digits and symbols used as letters ("1gn0re", "pr3v10us", "a$$hole"). Only inside words that also have real
/// letters and no other digits, so "2024", "h264" or "$5" are left alone.
/// </summary>
internal static class Leetspeak
{
    public static string ToLetters(string token)
    {
        var chars = token.ToCharArray();
        var start = 0;
        while (start < chars.Length)
        {
            if (!IsWordOrLeet(chars[start]))
            {
                start++;
                continue;
            }

            var end = start;
            while (end < chars.Length && IsWordOrLeet(chars[end]))
            {
                end++;
            }

            MapRun(chars, start, end);
            start = end;
        }

        return new string(chars);
    }

    private static void MapRun(char[] chars, int start, int end)
    {
        var span = chars.AsSpan(start, end - start);
        var hasLetter = false;
        var hasLeet = false;
        foreach (var c in span)
        {
            if (char.IsLetter(c))
            {
                hasLetter = true;
            }
            else if (Letter(c) is not null)
            {
                hasLeet = true;
            }
            else
            {
                // Another digit: a version, codec or model number, not disguised letters.
                return;
            }
        }

        if (!hasLetter || !hasLeet)
        {
            return;
        }

        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Letter(span[i]) ?? span[i];
        }
    }

    private static bool IsWordOrLeet(char c) => char.IsLetterOrDigit(c) || c is '@' or '$';

    private static char? Letter(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '@' => 'a',
        '$' => 's',
        _ => null,
    };
}
