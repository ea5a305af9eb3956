namespace Chat9.Application.Chat.Pipeline.Guarding;

/// <summary>
/// Maps Cyrillic and Greek letters that look like Latin ones ("ignоre" with a Cyrillic о) to Latin, but only inside a
/// word that mixes scripts: real Russian or Greek words are left as they are.
/// </summary>
internal static class Lookalikes
{
    public static string ToLatinInMixedWords(string token)
    {
        var hasLatin = false;
        var hasLookalike = false;
        foreach (var c in token)
        {
            hasLatin |= c is >= 'a' and <= 'z';
            hasLookalike |= Latin(c) is not null;
        }

        if (!hasLatin || !hasLookalike)
        {
            return token;
        }

        var chars = token.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Latin(chars[i]) ?? chars[i];
        }

        return new string(chars);
    }

    /// <summary>Lowercase look-alikes (the text is already lowercase when this runs).</summary>
    private static char? Latin(char c) => c switch
    {
        'а' => 'a',
        'в' => 'b',
        'е' => 'e',
        'к' => 'k',
        'м' => 'm',
        'н' => 'h',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'т' => 't',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ο' => 'o',
        'α' => 'a',
        'ε' => 'e',
        'ι' => 'i',
        'κ' => 'k',
        'ν' => 'v',
        'ρ' => 'p',
        'τ' => 't',
        'υ' => 'u',
        'χ' => 'x',
        _ => null,
    };
}
