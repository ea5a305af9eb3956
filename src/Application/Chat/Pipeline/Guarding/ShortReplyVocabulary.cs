namespace Chat9.Application.Chat.Pipeline.Guarding;

/// <summary>
/// The words of short, content-free messages in the supported languages: greetings, thanks, acknowledgements,
/// affirmative answers, and fillers that may come with them ("hi there", "thanks again"). Written with their natural
/// spelling; <see cref="PhraseCover{TKind}"/> folds them like the message.
/// </summary>
internal static class ShortReplyVocabulary
{
    public static IReadOnlyList<string> Greetings { get; } =
    [
        "hi", "hello", "hey", "hiya", "howdy", "yo", "greetings", "good morning", "good afternoon", "good evening", "good day", "morning",
        "hola", "buenos días", "buenas tardes", "buenas noches", "buenas", "saludos",
        "olá", "oi", "bom dia", "boa tarde", "boa noite", "e aí",
        "hallo", "guten tag", "guten morgen", "guten abend", "moin", "moin moin", "servus", "grüß gott", "grüezi",
        "bonjour", "bonsoir", "salut", "coucou",
        "ciao", "buongiorno", "buonasera", "salve",
        "hoi", "goedemorgen", "goedemiddag", "goedenavond", "dag",
        "cześć", "dzień dobry", "witam", "witaj", "hej", "siema", "dobry wieczór",
        "привет", "здравствуйте", "здравствуй", "добрый день", "доброе утро", "добрый вечер", "приветствую", "здрасте",
        "привіт", "вітаю", "доброго дня", "добрий ранок", "добрий вечір", "добрий день",
        "merhaba", "selam", "selamlar", "günaydın", "iyi günler", "iyi akşamlar", "selamün aleyküm",
        "مرحبا", "مرحبًا", "اهلا", "أهلا", "السلام عليكم", "سلام", "صباح الخير", "مساء الخير", "هلا",
        "你好", "您好", "嗨", "哈喽", "早上好", "下午好", "晚上好", "大家好", "你好啊",
        "こんにちは", "こんばんは", "おはよう", "おはようございます", "やあ",
        "안녕하세요", "안녕", "반갑습니다", "반가워요",
    ];

    public static IReadOnlyList<string> Thanks { get; } =
    [
        "thanks", "thank you", "thx", "ty", "tysm", "thanks a lot", "thank you so much", "thanks so much", "many thanks", "cheers",
        "much appreciated", "appreciate it", "thank you very much", "no thanks", "no thank you",
        "gracias", "muchas gracias", "mil gracias", "muchísimas gracias", "no gracias",
        "obrigado", "obrigada", "muito obrigado", "muito obrigada", "valeu", "não obrigado", "não obrigada",
        "danke", "danke schön", "dankeschön", "danke sehr", "vielen dank", "besten dank", "nein danke",
        "merci", "merci beaucoup", "merci bien", "mille mercis", "je vous remercie", "non merci",
        "grazie", "grazie mille", "molte grazie", "ti ringrazio", "no grazie",
        "bedankt", "dank je", "dank je wel", "dankjewel", "dank u", "dank u wel", "dankuwel", "nee dank je",
        "dziękuję", "dzięki", "dziękuję bardzo", "wielkie dzięki", "nie dziękuję",
        "спасибо", "спасибо большое", "большое спасибо", "благодарю", "спс", "нет спасибо",
        "дякую", "дуже дякую", "спасибі", "щиро дякую", "ні дякую",
        "teşekkürler", "teşekkür ederim", "çok teşekkürler", "sağol", "sağ ol", "eyvallah",
        "شكرا", "شكرًا", "شكرا لك", "شكرا جزيلا", "مشكور", "ألف شكر",
        "谢谢", "多谢", "感谢", "谢谢你", "谢谢您", "非常感谢", "谢啦",
        "ありがとう", "ありがとうございます", "ありがとうございました", "どうも", "どうもありがとう", "助かりました",
        "감사합니다", "고맙습니다", "고마워요", "고마워", "감사해요",
    ];

    /// <summary>"Ok", "got it": the visitor has read the answer. Replied to like thanks.</summary>
    public static IReadOnlyList<string> Acknowledgements { get; } =
    [
        "ok", "okay", "k", "kk", "okey", "alright", "all right", "got it", "great", "cool", "nice", "perfect", "awesome", "understood",
        "i see", "sounds good", "fine", "good", "noted",
        "vale", "perfecto", "genial", "entendido", "de acuerdo", "bien",
        "beleza", "perfeito", "entendi", "certo", "legal", "ótimo", "blz",
        "alles klar", "super", "perfekt", "verstanden", "gut", "prima", "toll",
        "d'accord", "parfait", "compris", "très bien", "entendu",
        "va bene", "perfetto", "capito", "ottimo", "d'accordo",
        "oké", "top", "helder", "duidelijk", "begrepen",
        "dobrze", "rozumiem", "jasne", "świetnie",
        "ок", "окей", "хорошо", "понятно", "ясно", "отлично", "ладно", "супер",
        "добре", "зрозуміло", "чудово", "гаразд",
        "tamam", "tamamdır", "anladım", "harika",
        "حسنا", "حسنًا", "تمام", "فهمت", "ممتاز",
        "好的", "明白了", "知道了", "收到", "了解",
        "わかりました", "分かりました", "了解です", "オッケー",
        "알겠습니다", "알겠어요", "오케이",
    ];

    public static IReadOnlyList<string> Affirmatives { get; } =
    [
        "yes", "yes please", "yeah", "yep", "yup", "yea", "ya", "sure", "of course", "ok", "okay", "okey", "k", "please", "please do",
        "go ahead", "do it", "absolutely", "definitely", "certainly", "why not", "that would be great", "that'd be great", "sounds good",
        "alright", "all right", "sure thing", "i would", "i'd like that", "i would like that", "yes i would", "yes i do", "i do",
        "sí", "si", "claro", "por favor", "vale", "de acuerdo", "dale", "por supuesto", "bueno", "claro que sí", "adelante", "está bien", "perfecto",
        "sim", "pode ser", "com certeza", "quero", "pode", "isso", "beleza", "fechado", "claro que sim",
        "ja", "ja bitte", "gerne", "gern", "bitte", "klar", "na klar", "sicher", "jawohl", "genau", "auf jeden fall", "einverstanden",
        "oui", "s'il vous plaît", "s'il te plaît", "svp", "d'accord", "volontiers", "avec plaisir", "bien sûr", "ouais", "carrément",
        "sì", "certo", "certamente", "va bene", "per favore", "volentieri", "d'accordo", "sicuro",
        "graag", "ja hoor", "alsjeblieft", "alstublieft", "oké", "zeker", "natuurlijk", "goed", "is goed", "doe maar", "prima",
        "tak", "proszę", "poproszę", "oczywiście", "dobrze", "chętnie", "pewnie",
        "да", "пожалуйста", "конечно", "давайте", "давай", "хорошо", "ок", "окей", "ага", "угу", "было бы здорово", "ладно",
        "так", "будь ласка", "звісно", "звичайно", "добре", "гаразд",
        "evet", "lütfen", "tabii", "tabi", "tabii ki", "olur", "tamam", "peki", "elbette", "memnuniyetle",
        "نعم", "اجل", "أجل", "حسنا", "طبعا", "بالتأكيد", "من فضلك", "ايوه", "اكيد", "تمام", "لو سمحت",
        "是", "是的", "好", "好的", "可以", "要", "需要", "行", "好啊", "麻烦了", "请", "对", "嗯", "当然",
        "はい", "お願いします", "ええ", "うん", "もちろん", "ぜひ", "是非", "お願い",
        "네", "예", "응", "좋아요", "부탁합니다", "부탁해요", "그래요", "물론이죠", "연결해 주세요", "해주세요", "해 주세요",
    ];

    /// <summary>Words that may come with a greeting, thanks or a yes without changing what it is.</summary>
    public static IReadOnlyList<string> Fillers { get; } =
    [
        "there", "bot", "assistant", "everyone", "everybody", "all", "again", "so", "so much", "very", "very much", "a lot", "guys",
        "team", "friend", "mate", "you", "for that", "for the help", "for your help", "then", "oh", "ah", "well", "and", "lol",
        "a todos", "amigo", "de nuevo", "otra vez",
        "pessoal", "de novo", "mais uma vez",
        "allerseits", "zusammen", "nochmal", "noch mal", "für die hilfe",
        "tout le monde", "encore", "pour l'aide",
        "a tutti", "ancora", "per l'aiuto",
        "iedereen", "allemaal", "nogmaals", "voor de hulp",
        "wszystkim", "za pomoc",
        "всем", "вам", "тебе", "за помощь", "ещё раз", "еще раз",
        "всім", "за допомогу",
        "herkese", "yardım için",
    ];
}
