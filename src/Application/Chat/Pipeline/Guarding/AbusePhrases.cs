namespace Chat9.Application.Chat.Pipeline.Guarding;

/// <summary>
/// Phrase lists for the <c>abuse</c> check: threats, slurs, sexual harassment and insults aimed at the assistant or
/// the team. Matched on whole words of the folded text, so "class", "assessment", "analysis" or "Scunthorpe" never
/// match "ass", "anal" or "cunt". Stems that are also ordinary words ("жидкость" starts like a slur, "kanker" means
/// cancer, "negro" means black) are listed only in their insulting forms or not at all. Swearing at a product that
/// does not work ("this shit doesn't export") is frustration, not abuse: it is only flagged.
/// </summary>
internal static class AbusePhrases
{
    /// <summary>Phrases that refuse the message.</summary>
    public static IReadOnlyList<PhrasePattern> Refused { get; } =
    [
        // English
        PhrasePattern.Words("en.threat",
            @"((i ll|i will|i m going to|im going to|i am going to|gonna|going to) (kill|murder|hurt|stab|shoot|rape|strangle) (you|u|ya|your family)|kill (yourself|urself|your self)|kys|(you|u) (should|deserve to|will|gonna) die|i know where you live|burn in hell|die bitch)"),
        PhrasePattern.Words("en.slur",
            @"(niggers?|niggas?|faggots?|retards?|retarded|kikes?|trannys?|trannies|wetbacks?|gas the jews|heil hitler|white power)"),
        PhrasePattern.Words("en.sexual",
            @"((suck|lick) my (dick|cock|balls|pussy|tits)|send (me )?nudes|(show|send) me (your )?(tits|boobs|pussy|dick|cock|nudes)|(wanna|want to|let s|lets) (fuck|have sex|bang)|blow ?job|hand ?job|jerk off|jack off|(your|ur) (tits|boobs|pussy))"),
        PhrasePattern.Words("en.insult",
            @"((you|u|ya) (are |re |r )?(an? )?(fucking |f[*]+cking |stupid |dumb |little |worthless |pathetic |total |complete |absolute |such an? |fuckin |useless |and )*(idiot|moron|imbecile|asshole|arsehole|bitch|bastard|cunt|dickhead|dick|prick|twat|wanker|jerk|loser|piece of shit|shithead|dumbass|dumb ass|motherfucker|scumbag|douche|douchebag|whore|slut|stupid|dumb|retard|clown)|(stupid|dumb|fucking|f[*]+cking|retarded|shitty|idiotic|moronic|crappy) (bot|ai|assistant|machine|chatbot|robot))"),
        PhrasePattern.Words("en.directed_profanity",
            @"((fuck|f[*]+ck|fck|fuk|screw) (you|u|ya|off|this bot)|shut up|stfu|shut the fuck up|go to hell|go fuck yourself|gfy|eat shit|piss off|bite me|kiss my ass|son of a bitch|sonofabitch|piece of shit|motherfuckers?|cocksuckers?)"),
        PhrasePattern.WholeMessage("en.insult_alone",
            @"(you )?(fucking |stupid |dumb )?(idiot|moron|imbecile|asshole|arsehole|bitch|bastard|cunt|dickhead|prick|twat|wanker|loser|dumbass|motherfucker|scumbag|douchebag|whore|slut)s?( bot)?"),

        // Spanish
        PhrasePattern.Words("es.threat",
            @"((te|los|las) (voy a|vamos a) (matar|buscar|encontrar|hacer dano|pegar|reventar)|matate|suicidate|muerete|ojala te mueras|te mato)"),
        PhrasePattern.Words("es.insult",
            @"((eres|sos|es usted) (un |una |muy |tan |el mas |la mas |puto |puta |pinche |maldito |maldita )*(idiota|estupido|estupida|imbecil|pendejo|pendeja|gilipollas|cabron|cabrona|tonto|tonta|subnormal|retrasado|retrasada|mamon|boludo|boluda|pelotudo|pelotuda|huevon|capullo|zorra|puta|maricon|payaso|inutil de mierda)|(bot|robot|asistente|maquina) (de mierda|estupido|idiota|inutil de mierda))"),
        PhrasePattern.Words("es.directed_profanity",
            @"(hijo de puta|hijos de puta|hijueputa|hijo de perra|vete a la mierda|andate a la mierda|chinga tu madre|chingate|vete al carajo|me cago en tu|que te jodan|jodete|tu puta madre|malparido|callate la boca|callate)"),
        PhrasePattern.Words("es.sexual",
            @"(chupamela|mamamela|chupame la|ensename las tetas|muestrame (tus |las )?tetas|quiero follarte|te voy a follar|follame|quiero coger contigo|tener sexo contigo)"),
        PhrasePattern.Words("es.slur", @"(sudaca|sudacas|maricones|negrata|negratas)"),

        // Portuguese
        PhrasePattern.Words("pt.threat", @"((vou|vamos) te matar|eu vou te matar|vou acabar com voce|te mato|se mata|vai se matar)"),
        PhrasePattern.Words("pt.insult",
            @"((voce e|vc e|voce e um|voce e uma|tu es|tu e) (um |uma |muito |mesmo |tao |grande )*(idiota|burro|burra|imbecil|otario|otaria|babaca|estupido|estupida|retardado|retardada|cretino|cretina|arrombado|arrombada|corno|vagabundo|vagabunda|puta|piranha|desgracado|desgracada|lixo|merda)|(seu|sua) (grande )?(idiota|burro|burra|imbecil|otario|otaria|babaca|estupido|estupida|retardado|retardada|cretino|cretina|arrombado|arrombada|corno|vagabundo|vagabunda|desgracado|desgracada)|(bot|robo|assistente) (de merda|idiota|burro|lixo))"),
        PhrasePattern.Words("pt.directed_profanity",
            @"(filho da puta|filhos da puta|fdp|vai se foder|vai te foder|vai tomar no cu|vai a merda|vai pra merda|puta que te pariu|cala a boca|cala boca)"),
        PhrasePattern.Words("pt.sexual", @"(chupa meu|chupa minha|me manda nudes|manda nudes|mostra (os |teus |seus )?peitos|quero te comer|vamos transar|quer transar|vou te comer)"),
        PhrasePattern.Words("pt.slur", @"(viado|viados|sapatao|sapatona)"),

        // German
        PhrasePattern.Words("de.threat",
            @"(ich (werde|will) dich (umbringen|töten|abstechen|fertigmachen|kaltmachen)|ich (bring|bringe|mach|mache) dich (um|kalt|fertig)|bring dich um|stirb|verreck|verrecke)"),
        PhrasePattern.Words("de.insult",
            @"((du|sie) (bist |sind )?(ein |eine |so ein |so eine |voll |total |echt |der |die |blöder |blöde |dummer |dumme |verdammter |verdammte )*(idiot|idiotin|arschloch|wichser|hurensohn|fotze|schlampe|dummkopf|vollidiot|depp|trottel|spast|spasti|missgeburt|hure|penner|bastard|blödmann|dumm|bescheuert|versager)|(scheiss|scheiß|blöder|dummer|dämlicher|beschissener) (bot|roboter|assistent|ki))"),
        PhrasePattern.Words("de.directed_profanity",
            @"(hurensohn|hurensöhne|fick dich|fickt euch|verpiss dich|halt die fresse|halt s maul|halts maul|leck mich|wichser|arschloch|arschlöcher|fotze|missgeburt|schnauze)"),
        PhrasePattern.Words("de.sexual", @"(blas mir einen|lutsch meinen|zeig mir deine (titten|brüste)|lass uns ficken|willst du ficken|ich will dich ficken)"),
        PhrasePattern.Words("de.slur", @"(kanaken?|neger|schwuchteln?|judensau)"),

        // French
        PhrasePattern.Words("fr.threat", @"(je vais te (tuer|buter|crever|retrouver|defoncer|frapper|egorger)|je vais vous (tuer|buter|retrouver)|va te pendre|va te suicider|je te tue)"),
        PhrasePattern.Words("fr.insult",
            @"((tu es|t es|vous etes|espece d|espece de|pauvre) (un |une |vraiment |trop |completement |qu un |qu une |vrai |vraie |gros |grosse |sale )*(con|conne|connard|connasse|idiot|idiote|imbecile|debile|cretin|cretine|abruti|abrutie|salope|pute|encule|batard|enfoire|enfoiree|merdeux|bouffon|nul|nulle)|(bot|robot|assistant) (de merde|debile|a la con))"),
        PhrasePattern.Words("fr.directed_profanity",
            @"(ta gueule|ferme ta gueule|fermez vos gueules|va te faire foutre|allez vous faire foutre|va te faire enculer|nique ta mere|ntm|fils de pute|encule|connard|connasse|salope|batard|enfoire)"),
        PhrasePattern.Words("fr.sexual", @"(suce moi|suce ma|montre moi tes (seins|nichons)|je veux te baiser|on baise|baise moi)"),
        PhrasePattern.Words("fr.slur", @"(bougnoules?|negres?|tapettes?|youpins?)"),

        // Italian
        PhrasePattern.Words("it.threat", @"(ti ammazzo|ti uccido|ti faccio fuori|ti vengo a prendere|ammazzati|ucciditi|ti spacco la faccia)"),
        PhrasePattern.Words("it.insult",
            @"((sei|sei un|sei una|sei proprio|siete) (un |una |proprio |davvero |veramente |solo |gran |grande )*(idiota|stupido|stupida|cretino|cretina|imbecille|deficiente|coglione|cogliona|stronzo|stronza|scemo|scema|testa di cazzo|puttana|troia|ritardato|ritardata)|(bot|robot|assistente) (di merda|del cazzo|idiota|stupido))"),
        PhrasePattern.Words("it.directed_profanity",
            @"(vaffanculo|fanculo|va a fanculo|vai a fanculo|figlio di puttana|figlio di troia|stronzo|stronza|coglione|testa di cazzo|pezzo di merda|stai zitto|chiudi il becco)"),
        PhrasePattern.Words("it.sexual", @"(succhiamelo|fammi un pompino|mostrami le tette|scopami|ti scopo|vuoi scopare)"),
        PhrasePattern.Words("it.slur", @"(frocio|froci|ricchione|ricchioni)"),

        // Dutch
        PhrasePattern.Words("nl.threat", @"(ik (ga|zal) je (vermoorden|afmaken|kapotmaken|opzoeken)|ik vermoord je|ik maak je af|ga dood|sterf|krijg de (kanker|tering|tyfus|klere|pest))"),
        PhrasePattern.Words("nl.insult",
            @"((je bent|jij bent|u bent|jij) (een |echt |zo n |zo een |ontzettende |vuile |domme |stomme |vieze )*(idioot|klootzak|eikel|lul|kut|sukkel|debiel|mongool|hoer|slet|trut|kankerlijer|tyfuslijer|teringlijer|randdebiel|dom|dombo|stomkop|oen|loser)|(kut|stomme|domme|kanker) ?(bot|robot|assistent))"),
        PhrasePattern.Words("nl.directed_profanity",
            @"(kankerlijer|tyfuslijer|teringlijer|klootzak|rot op|flikker op|kanker op|tyfus op|tering op|hoerenzoon|moederneuker|hou je bek|houd je bek)"),
        PhrasePattern.Words("nl.sexual", @"(pijp me|zuig mijn|laat je (tieten|borsten) zien|wil je neuken|ik wil je neuken)"),
        PhrasePattern.Words("nl.slur", @"(flikkers?|nikkers?|makaken?|poepchinees)"),

        // Russian
        PhrasePattern.Words("ru.threat",
            @"((убью|урою|прибью|зарежу|закопаю|найду) (тебя|вас)|(тебя|вас) (убью|урою|прибью|зарежу|закопаю)|сдохни|убейся|повесься|чтоб ты сдох\w*)"),
        PhrasePattern.Words("ru.insult",
            @"((ты|вы) (просто |такой |такая |тупой |тупая |полный |полная |конченый |конченая |реальный |настоящий |последний |последняя )*(идиот\w*|дебил\w*|дурак|дура|кретин\w*|придурок|придурки|тупица|тупой|тупая|урод|уроды|уродина|мудак\w*|сука|сучка|козел|чмо|лох|лошара|ублюдок|скотина|тварь|мразь|долбо[её]б\w*|дибил\w*)|(тупой|тупая|дебильный|ебучий|ебаный|сраный|долбаный|гребаный|тупорылый) (бот|робот|ии|ассистент|помощник))"),
        PhrasePattern.Words("ru.directed_profanity",
            @"((иди|идите|пош[её]л|пошла|пошли) (ты |вы )?(на ?хуй|нах|на ?хер|в жопу|в пизду|к черту)|(ебал|ебу|выебу) (тебя|твою|вас)|мудак\w*|мудил\w*|пидор\w*|пидар\w*|гандон\w*|шлюх\w*|мразь|мрази|уеб[ао]к\w*|уебищ\w*|долбо[её]б\w*|ебанат\w*|выблядок\w*|заткнись|завали ебало)"),
        PhrasePattern.Words("ru.sexual", @"((отсоси|пососи)( у меня| мне)?|(покажи|пришли|скинь) (мне )?(сиськи|грудь|нюдсы|голую)|(давай|хочешь) (трахаться|потрахаемся|переспим)|(трахну|выебу) тебя)"),
        PhrasePattern.Words("ru.slur", @"(хач|хачи|хачей|хачик\w*|чурка|чурки|чурок|жид|жиды|жидов|жидовка|жидяра|ниггер\w*|хохлы|хохлов|москали|москаль|москалей)"),

        // Ukrainian
        PhrasePattern.Words("uk.threat", @"((вб ю|вбю|вб'ю|приб ю|заріжу) (тебе|вас)|(тебе|вас) (вб ю|вбю|приб ю|заріжу)|здохни)"),
        PhrasePattern.Words("uk.insult",
            @"((ти|ви) (просто |такий |така |тупий |тупа |повний |повна |справжній )*(ідіот\w*|дебіл\w*|дурень|дурна|придурок|тупий|тупа|виродок|покидьок|сука|мудак|тварюка|падлюка)|(тупий|дебільний|довбаний) (бот|робот|асистент|помічник))"),
        PhrasePattern.Words("uk.directed_profanity", @"((йди|іди|пішов|пішла|пішли) (ти |ви )?(на ?хуй|нахуй|в сраку|до біса|в дупу)|стули пельку|заткнися)"),

        // Polish
        PhrasePattern.Words("pl.threat", @"(zabije cie|zabiję cię|zajebie cie|zajebię cię|znajde cie|znajdę cię|zabij sie|zabij się)"),
        PhrasePattern.Words("pl.insult",
            @"((ty|jesteś|jestes|jesteś taki|jesteś taka) (głupi |głupia |pieprzony |pierdolony |jebany |zasrany )*(idioto|idiota|debilu|debil|kretynie|kretyn|głupku|głupi|głupia|skurwysynu|skurwysyn|chuju|kurwo|dziwko|dziwka|suko|frajerze|frajer|ciulu|pajacu|palancie|palant|matole|śmieciu)|(głupi|jebany|pierdolony|zasrany) (bot|robot|asystent))"),
        PhrasePattern.Words("pl.directed_profanity", @"(spierdalaj|wypierdalaj|pierdol się|pierdol sie|jebać cię|jebac cie|jeb się|jeb sie|skurwysyn\w*|zamknij mordę|zamknij morde|stul pysk)"),

        // Turkish
        PhrasePattern.Words("tr.threat", @"(seni (öldüreceğim|öldürürüm|gebertecegim|gebertirim|bulacağım|bulurum)|geberesice)"),
        PhrasePattern.Words("tr.insult",
            @"((sen|siz) (bir |çok |tam bir |koca bir )*(aptal|aptalsın|salak|salaksın|gerizekalı|gerizekalısın|mal|malsın|ahmak|ahmaksın|şerefsiz|şerefsizsin|pislik|orospu|yavşak|dangalak|beyinsiz)|(aptal|salak|gerizekalı|mal|beyinsiz) (bot|robot|asistan))"),
        PhrasePattern.Words("tr.directed_profanity", @"(siktir|siktir git|orospu çocuğu|orospu cocugu|amına koyayım|amina koyayim|anani sikeyim|ananı sikeyim|yavşak|götveren|kapa çeneni|sus lan)"),
        PhrasePattern.Words("tr.slur", @"(ibne|ibneler)"),

        // Arabic
        PhrasePattern.Words("ar.threat", @"(ساقتلك|سأقتلك|راح اقتلك|حقتلك|رح اقتلك|موت يا|اقتل نفسك)"),
        PhrasePattern.Words("ar.insult",
            @"((انت|أنت|يا) (\w+ )?(غبي|غبية|حمار|حمارة|كلب|كلبة|حيوان|احمق|أحمق|تافه|قذر|خنزير|عاهرة|شرموطة|منيك|حقير|حقيرة)|(بوت|روبوت|مساعد) (غبي|حمار|تافه))"),
        PhrasePattern.Words("ar.directed_profanity", @"(ابن الكلب|ابن كلب|ابن الحرام|ابن العاهرة|يلعن (ابوك|أبوك|امك|أمك|دينك)|كس امك|كس أمك|كسمك|طيزك|شرموط|منيوك|انيكك|اخرس|اسكت يا)"),

        // Chinese
        PhrasePattern.Anywhere("zh.insult", @"(傻逼|傻b|煞笔|沙比|操你妈|草泥马|你妈的|日你妈|去死|滚蛋|白痴|智障|脑残|贱人|婊子|王八蛋|狗娘养的|你是猪|蠢货|废物机器人|垃圾机器人|闭嘴)"),
        PhrasePattern.Anywhere("zh.threat", @"(杀了你|弄死你|我要杀你|砍死你|打死你)"),

        // Japanese
        PhrasePattern.Anywhere("ja.threat", @"(死ね|氏ね|殺すぞ|ぶっ殺す|殺してやる|くたばれ|消えろ)"),
        PhrasePattern.Anywhere("ja.insult",
            @"((お前|おまえ|てめえ|てめー|貴様|きさま|あんた)(は|って|なんか)? ?.{0,6}(バカ|ばか|馬鹿|アホ|あほ|クズ|カス|ゴミ|ボケ|無能|ポンコツ|役立たず)|(クソ|くそ|糞)(ボット|野郎|ai|aiが|アシスタント)|黙れ)"),
        PhrasePattern.WholeMessage("ja.insult_alone", @"(バカ|ばか|馬鹿|アホ|あほ|クズ|カス|ボケ|ポンコツ)(ボット|ai)?"),

        // Korean
        PhrasePattern.Anywhere("ko.insult", @"(씨발|시발|ㅅㅂ|씨바|개새끼|개새|병신|ㅂㅅ|좆|미친놈|미친년|닥쳐|지랄|엿먹어|니애미|느금마|멍청한 ?(봇|놈|년)|등신)"),
        PhrasePattern.Anywhere("ko.threat", @"(죽여버린다|죽여버릴|죽일거야|죽일 거야|죽어라|뒤져라|죽어버려)"),
    ];

    /// <summary>Swearing that is not aimed at anyone: flagged for the record, not refused.</summary>
    public static IReadOnlyList<PhrasePattern> Flagged { get; } =
    [
        PhrasePattern.Words("en.profanity", @"(fuck\w*|f[*]+ck\w*|f[*]+k|fck|shit|shitty|shits|bullshit|crap|crappy|damn|damned|wtf|bloody hell)"),
        PhrasePattern.Words("es.profanity", @"(mierda|joder|carajo|coño|puta madre|cojones|hostia|hostias|puta)"),
        PhrasePattern.Words("pt.profanity", @"(caralho|porra|merda|puta que pariu|pqp|foda|foda se)"),
        PhrasePattern.Words("de.profanity", @"(scheiße|scheisse|scheiß|verdammt|kacke|verfickt\w*|verdammte scheiße)"),
        PhrasePattern.Words("fr.profanity", @"(putain|merde|bordel|fait chier|ça me fait chier)"),
        PhrasePattern.Words("it.profanity", @"(cazzo|merda|porca miseria|porco dio|minchia|cazzata)"),
        PhrasePattern.Words("nl.profanity", @"(kut|godverdomme|verdomme|shit|klote|kolere|tering|tyfus)"),
        PhrasePattern.Words("ru.profanity", @"(ху[йяюе]\w*|пизд\w*|бля|блядь|блять|бляха|ебать|ебан\w*|ебуч\w*|нахуй|херня|дерьмо|говно\w*|сука)"),
        PhrasePattern.Words("uk.profanity", @"(хуй\w*|пизд\w*|бля|блядь|срака|лайно)"),
        PhrasePattern.Words("pl.profanity", @"(kurwa|kurwy|kurwe|pierdol\w*|jebany|jebana|jebane|chuj\w*|zajebisty|gówno)"),
        PhrasePattern.Words("tr.profanity", @"(sikeyim|bok|lanet olsun|hassiktir|amk)"),
        PhrasePattern.Anywhere("zh.profanity", @"(他妈的|妈的|卧槽|我操|靠北)"),
        PhrasePattern.Anywhere("ja.profanity", @"(クソ|糞)"),
        PhrasePattern.Anywhere("ko.profanity", @"(존나|졸라|젠장|빌어먹을)"),
    ];
}
