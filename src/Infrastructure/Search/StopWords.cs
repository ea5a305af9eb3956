namespace Chat9.Infrastructure.Search;

/// <summary>
/// Small stop-word lists: the function words that occur in almost every text of a language and carry no topic.
/// They are written as people spell them; <see cref="LanguageRules"/> folds them the same way it folds text, so
/// "für" and "fur" are both stop words. They also serve as the language fingerprints of <see cref="StopWordLanguageDetector"/>.
/// </summary>
internal static class StopWords
{
    public static readonly string[] English =
    [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "can't", "cannot", "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't", "down", "during",
        "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
        "him", "himself", "his", "how", "i", "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "its", "itself",
        "just", "let's", "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "now",
        "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
        "same", "shall", "she", "should", "shouldn't", "so", "some", "such", "than", "that", "that's", "the", "their",
        "theirs", "them", "themselves", "then", "there", "these", "they", "they're", "this", "those", "through", "to",
        "too", "under", "until", "up", "very", "was", "wasn't", "we", "we're", "were", "weren't", "what", "what's",
        "when", "where", "which", "while", "who", "whom", "why", "will", "with", "won't", "would", "wouldn't",
        "you", "you're", "your", "yours", "yourself", "yourselves",
    ];

    public static readonly string[] German =
    [
        "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "andere", "anderen", "auch", "auf",
        "aus", "bei", "bin", "bis", "bist", "da", "damit", "dann", "das", "dass", "daß", "dein", "deine", "dem", "den",
        "denn", "der", "des", "dessen", "deshalb", "die", "dies", "diese", "diesem", "diesen", "dieser", "dieses", "doch",
        "dort", "du", "durch", "ein", "eine", "einem", "einen", "einer", "eines", "er", "es", "etwas", "euch", "euer",
        "eure", "für", "gegen", "gewesen", "habe", "haben", "hat", "hatte", "hatten", "hier", "ich", "ihm", "ihn", "ihnen",
        "ihr", "ihre", "ihrem", "ihren", "ihrer", "im", "in", "indem", "ins", "ist", "jede", "jedem", "jeden", "jeder",
        "jedes", "jetzt", "kann", "kannst", "können", "könnt", "man", "mein", "meine", "meinem", "meinen", "mich", "mir",
        "mit", "muss", "müssen", "nach", "nicht", "nichts", "noch", "nun", "nur", "ob", "oder", "ohne", "sehr", "sein",
        "seine", "sich", "sie", "sind", "so", "soll", "sollte", "sondern", "über", "um", "und", "uns", "unser", "unsere",
        "unter", "vom", "von", "vor", "wann", "war", "waren", "warum", "was", "weil", "welche", "welcher", "welches",
        "wenn", "wer", "werde", "werden", "wie", "wieder", "wir", "wird", "wo", "wurde", "wurden", "würde", "würden",
        "zu", "zum", "zur", "zwischen",
    ];

    public static readonly string[] Spanish =
    [
        "a", "al", "algo", "algunas", "algunos", "ante", "antes", "aquí", "así", "cada", "como", "cómo", "con", "contra",
        "cual", "cuál", "cuando", "cuándo", "de", "del", "desde", "donde", "dónde", "durante", "e", "el", "él", "ella",
        "ellas", "ellos", "en", "entre", "era", "eran", "es", "esa", "esas", "ese", "eso", "esos", "esta", "está",
        "están", "estas", "este", "esto", "estos", "fue", "fueron", "ha", "han", "has", "hasta", "hay", "la", "las",
        "le", "les", "lo", "los", "más", "me", "mi", "mí", "mis", "mucho", "muy", "nada", "ni", "no", "nos", "nosotros",
        "nuestra", "nuestro", "o", "os", "otra", "otras", "otro", "otros", "para", "pero", "poco", "por", "porque",
        "puede", "pueden", "puedo", "que", "qué", "quien", "quién", "quienes", "se", "sea", "ser", "si", "sí", "sin",
        "sobre", "son", "su", "sus", "también", "tanto", "te", "tiene", "tienen", "todo", "todos", "tu", "tú", "tus",
        "u", "un", "una", "unas", "uno", "unos", "usted", "ustedes", "vosotros", "y", "ya", "yo",
    ];

    /// <remarks>The single letters are elided articles and pronouns left over when an apostrophe was typed as a space.</remarks>
    public static readonly string[] French =
    [
        "à", "afin", "ai", "aie", "ainsi", "alors", "as", "au", "aucun", "aussi", "autre", "aux", "avec", "avez", "avoir",
        "avons", "bien", "c", "ça", "car", "ce", "ceci", "cela", "ces", "cet", "cette", "chaque", "comme", "comment",
        "d", "dans", "de", "depuis", "des", "donc", "du", "elle", "elles", "en", "encore", "entre", "es", "est", "et",
        "étaient", "était", "été", "être", "eu", "eux", "fait", "il", "ils", "j", "je", "jusqu", "l", "la", "le", "les",
        "leur", "leurs", "lorsque", "lui", "m", "ma", "mais", "me", "même", "mes", "moi", "mon", "n", "ne", "ni", "nos",
        "notre", "nous", "on", "ont", "ou", "où", "par", "pas", "peu", "peut", "peuvent", "plus", "pour", "pourquoi",
        "qu", "quand", "que", "quel", "quelle", "quelles", "quels", "qui", "s", "sa", "sans", "se", "ses", "si", "son",
        "sont", "sous", "suis", "sur", "t", "ta", "te", "tes", "toi", "ton", "tous", "tout", "toute", "toutes", "très",
        "tu", "un", "une", "vers", "voici", "voilà", "vos", "votre", "vous", "y",
    ];
}
