namespace Chat9.Application.Chat.Pipeline.Language;

/// <summary>
/// Russian and Ukrainian share most of their alphabet, so they are told apart by the letters only one of them has
/// (ы э ъ ё against і ї є ґ), by frequent words that differ (что/що, как/як, это/це, и/і) and by the noun ending
/// -ние/-ння.
/// </summary>
internal static class CyrillicWordProfiles
{
    public static WordProfile Russian { get; } = new(
        "ru",
        "что как это где мне меня можно ли почему когда нет или и он она они мой моя мои мою все всё его её с со "
        + "чтобы только сейчас быть этот эти очень хочу помогите ничего сделать нужно здравствуйте спасибо пожалуйста "
        + "какой какая какие есть был была было если уже также тоже свой свои ваш ваши могу может нужно надо",
        new Dictionary<char, double> { ['ы'] = 1, ['э'] = 1, ['ъ'] = 1, ['ё'] = 1 },
        "ние ния нию нием ений");

    public static WordProfile Ukrainian { get; } = new(
        "uk",
        "що як це де мені мене можна чи чому коли немає або і й та мій моя мої мою його її з із зі щоб тільки лише "
        + "зараз бути цей ці дуже хочу допоможіть нічого зробити потрібно вітаю дякую будь ласка який яка які є був "
        + "була було якщо вже також теж свій свої ваш ваші можу може треба",
        new Dictionary<char, double> { ['і'] = 1, ['ї'] = 1, ['є'] = 1, ['ґ'] = 1 },
        "ння нню нням");

    /// <summary>
    /// Letters of the Russian and Ukrainian alphabets. Cyrillic text with other letters (Serbian ђ, Belarusian ў, Kazakh
    /// қ…) is in a language Chat9 does not support.
    /// </summary>
    public static bool IsRussianOrUkrainianLetter(char c) => c is (>= 'а' and <= 'я') or 'ё' or 'і' or 'ї' or 'є' or 'ґ';
}
