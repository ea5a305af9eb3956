namespace Chat9.Application.Chat.Pipeline.Language;

/// <summary>
/// Word profiles of the supported languages written in Latin script. The lists hold function words: they appear in a
/// support question about any product, while content words ("export", "notes") are often shared or borrowed. Words
/// common to several of these languages are listed for each of them, so they cancel out instead of tipping the scale.
/// Accented words are listed with and without accents, because visitors often type without them. Turkish also gets
/// verb and plural endings: it builds words by suffixing, so its function words are fewer.
/// </summary>
internal static class LatinWordProfiles
{
    public static IReadOnlyList<WordProfile> All { get; } =
    [
        new("en",
            "the and or is are was were be been being to of on at for with from by how what why where when "
            + "which who whom can could would should will shall do does did don doesn didn isn aren i you my "
            + "your we our they their it its this that these those here have has had not please thanks thank "
            + "hi hello hey get use want need help about if any some there than then so just also into after "
            + "before only again way"),
        new("es",
            "el la los las una que y es de después despues antes está esta están estan este esto ese eso "
            + "por para con cómo como qué cuál cual cuáles cuales cuándo cuando dónde donde puedo puede "
            + "pueden hay mi mis su sus del al lo se no muy más mas también tambien pero hola gracias quiero "
            + "tengo necesito hacer usted ustedes sobre mí yo tu nuestro nuestra ya sí porque hacerlo alguna "
            + "algún algun ningún ningun desde hasta",
            new Dictionary<char, double> { ['ñ'] = 1, ['¿'] = 1.5, ['¡'] = 1.5, ['á'] = 0.25, ['í'] = 0.25, ['ó'] = 0.25, ['ú'] = 0.25 }),
        new("pt",
            "o os um uma é e do da dos das no na nos nas em com para por como que não nao você voce vocês "
            + "voces meu minha meus minhas seu sua seus suas isso isto este esta posso pode podem quero tenho "
            + "preciso fazer faço faco está estou são sao obrigado obrigada olá ola também tambem mais muito "
            + "qual quais quando onde porque há ao aos pelo pela eu ele ela já sobre até ate consigo gostaria",
            new Dictionary<char, double> { ['ã'] = 1, ['õ'] = 1, ['ç'] = 0.5, ['ê'] = 0.5, ['ô'] = 0.5, ['á'] = 0.25, ['é'] = 0.25 }),
        new("it",
            "il lo la gli le l una è e di dopo prima ora del della dei delle degli con per come cosa che "
            + "non sono posso puoi può puo mio mia miei mie tuo tua questo questa quello quella quando dove "
            + "perché perche anche ma più piu ho hai ha fare voglio vorrei grazie ciao buongiorno al alla nel "
            + "nella sul sulla dal dalla qual quale quali ci si mi ti io sei essere già gia",
            new Dictionary<char, double> { ['ì'] = 1, ['ò'] = 1, ['è'] = 0.5, ['à'] = 0.5, ['ù'] = 0.5 }),
        new("fr",
            "le la les une des du de et est sont je nous vous mon ma mes tes votre vos ce cette ces qui que "
            + "quoi comment pourquoi quand où avec pour dans sur pas ne n j qu l c puis peux peut pouvez "
            + "faire merci bonjour salut aussi mais très tres plus au aux moi il elle ils notre leur y "
            + "beaucoup voudrais souhaite veux veut suis ai avez plaît plait svp",
            new Dictionary<char, double>
            {
                ['ê'] = 0.5, ['û'] = 1, ['œ'] = 1, ['ë'] = 0.5, ['ï'] = 0.5, ['î'] = 0.5, ['ç'] = 0.5, ['è'] = 0.5, ['à'] = 0.5, ['ù'] = 0.5, ['é'] = 0.25,
            }),
        new("de",
            "der die das den dem des ein eine einen einem einer und ist sind ich du sie wir ihr mein meine "
            + "meinen meiner dein deine ihre wie was warum wo wann welche welcher welches kann können konnen "
            + "möchte mochte nicht kein keine mit für fur auf von zu im ins aus bei nach oder aber auch noch "
            + "schon bitte danke hallo es gibt habe hat haben mich mir dich dir uns sich man wird werden als "
            + "wenn dass diese dieser dieses funktioniert geht",
            new Dictionary<char, double> { ['ß'] = 1, ['ä'] = 1, ['ö'] = 0.5, ['ü'] = 0.5 }),
        new("nl",
            "de het een en is zijn ik je jij wij we mijn jouw uw hoe wat waarom waar wanneer welke kan kun "
            + "kunt kunnen wil wilt niet geen met voor op van naar bij uit om te of maar ook nog al graag "
            + "bedankt dank hallo hoi dit dat er hebben heb heeft ben mij ons zich worden wordt alstublieft "
            + "alsjeblieft moet mogelijk"),
        new("pl",
            "jak co czy gdzie kiedy dlaczego który która które ktory ktora mogę moge można mozna mój moj "
            + "moja moje moich się sie nie w z na jest są sa mam chcę chce proszę prosze dziękuję dziekuje "
            + "cześć czesc dzień dzien dobry ten ta te tego mnie mi że ze od po dla przez jeśli jesli albo "
            + "lub ale też tez bardzo już juz swoje wszystkie jakie do",
            new Dictionary<char, double>
            {
                ['ł'] = 1, ['ś'] = 1, ['ź'] = 1, ['ż'] = 1, ['ą'] = 1, ['ę'] = 1, ['ć'] = 0.5, ['ń'] = 0.5,
            }),
        new("tr",
            "bir ve bu ne nasıl nasil neden nerede zaman hangi mı mi mu mü için icin ile ben sen biz siz "
            + "benim senin bana beni var yok değil degil evet hayır hayir olarak gibi daha çok cok "
            + "teşekkürler tesekkurler merhaba lütfen lutfen miyim mıyım istiyorum nedir olan ama veya kadar "
            + "sonra önce once şimdi simdi yapabilirim yardım yardim",
            new Dictionary<char, double> { ['ğ'] = 1, ['ş'] = 1, ['ı'] = 1, ['ç'] = 0.5, ['ö'] = 0.5, ['ü'] = 0.5 },
            "iyorum ıyorum uyorum üyorum iyor ıyor uyor üyor abilirim ebilirim abilir ebilir mıyım miyim larım lerim ları "
            + "leri ımı imi dım dim tım tim madım medim"),
    ];
}
