namespace Chat9.Application.Chat.Pipeline.Guarding;

/// <summary>
/// Phrase lists for the <c>human_request</c> check. A request needs either a phrase that asks to be put through to a
/// person ("talk to a human", "mit einem Mitarbeiter sprechen", "转人工") or a message that is nothing but the person
/// asked for ("operator", "customer service please"). Words like "operator", "agent" or "support" alone inside a longer
/// question are product vocabulary ("the ternary operator", "support for PDF"), not requests.
/// </summary>
internal static class HumanRequestPhrases
{
    /// <summary>Phrases that make the message a human request wherever they occur.</summary>
    public static IReadOnlyList<PhrasePattern> Requests { get; } =
    [
        // English
        PhrasePattern.Words("en.talk_to",
            @"(talk|speak|get in touch|be put in touch) (to|with) (a |an |some |your |the |one of your |someone from |somebody from |someone in |somebody in )?(real |live |actual |human )?(human|humans|person|agent|agents|representative|rep|operator|support agent|support person|support team|support staff|support|customer service|customer support|customer care|staff|staff member|employee|(someone|somebody)(?! (from|in|on|at|of) (my|our))|helpdesk|help desk|manager|supervisor)"),
        PhrasePattern.Words("en.chat_with",
            @"chat (to|with) (a |an |some |your |the )?(real |live |actual )?(human|person|agent|representative|operator|support agent|support team|support|customer service|staff member|employee)"),
        PhrasePattern.Words("en.connect_me",
            @"(connect|transfer|put|redirect|forward|pass|escalate|switch|hand) (me|this|us) (over |through )?(to|with) ((a|an|the|your|some) )?(real |live |actual )?(human|person|agent|representative|operator|support|support team|customer service|customer support|staff|someone|somebody|helpdesk|manager|supervisor)"),
        PhrasePattern.Words("en.want_human",
            @"(want|need|would like|d like|request|prefer|demand|get me|give me|can i have|can i get|could i get|may i have|may i speak to|can i speak to) (to (talk|speak|chat) (to|with) )?(a |an |some )?(real |live |actual )?(human|human being|human agent|real person|live person|live agent|human operator|representative|support agent)"),
        PhrasePattern.Words("en.human_phrase",
            @"(human agent|live agent|real person|real human|actual human|actual person|live person|human representative|human operator|customer service (rep|representative|agent)|support (agent|representative))"),

        // Spanish
        PhrasePattern.Words("es.talk_to",
            @"(hablar|habla|hable|hablo|comunicarme|comunicarse|contactar|ponerme en contacto|ponerme en comunicacion) (con|a) (un |una |el |la |algun |alguna |alguien de |alguien del )?(persona|humano|ser humano|agente|operador|operadora|asesor|asesora|representante|alguien(?! (de|del|en) (mi|mis|nuestro|nuestra))|empleado|empleada|soporte|atencion al cliente|servicio al cliente|equipo de soporte|persona real|persona de verdad|humano real|encargado|supervisor)"),
        PhrasePattern.Words("es.want",
            @"(quiero|necesito|quisiera|me gustaria|prefiero|exijo|pasame|paseme|pasenme|comunicame|comuniqueme|conectame|conecteme|transfiereme|transfierame|derivame|dame|deme) (hablar con |con |a |que me atienda )?(un |una )?(persona|humano|ser humano|agente|operador|operadora|asesor|asesora|representante|persona real|agente humano|humano real)"),
        PhrasePattern.Words("es.human_phrase", @"(persona real|agente humano|atencion humana|asistencia humana|operador humano|humano de verdad|persona de verdad)"),

        // Portuguese
        PhrasePattern.Words("pt.talk_to",
            @"(falar|fale|falo|contatar|contactar|comunicar me|me comunicar|entrar em contato) (com|a) (um |uma |o |a |algum |alguma |alguem da |alguem do )?(atendente|humano|pessoa|agente|operador|operadora|suporte|alguém(?! (da|do|de|na|no) (minha|meu|nossa|nosso))|representante|ser humano|pessoa real|funcionario|funcionaria|consultor|consultora|equipe de suporte|atendimento)"),
        PhrasePattern.Words("pt.want",
            @"(quero|preciso de|preciso|gostaria de|prefiro|me passe para|me passa para|me transfira para|me transfere para|me encaminhe para|me coloque em contato com) (falar com )?(um |uma |o |a )?(atendente|humano|pessoa real|agente humano|operador|operadora|ser humano)"),
        PhrasePattern.Words("pt.human_phrase", @"(atendimento humano|atendente humano|pessoa real|pessoa de verdade|humano de verdade)"),

        // German
        PhrasePattern.Words("de.talk_with",
            @"mit (einem |einer |jemandem |dem |der |einem echten |einer echten |einem menschlichen |ihrem |eurem |jemandem vom |jemandem aus dem |jemand vom )?(mensch|menschen|mitarbeiter|mitarbeiterin|person|berater|beraterin|agenten|support|kundendienst|kundenservice|kundensupport|ansprechpartner|ansprechpartnerin|jemandem|echten menschen|supportteam|support team|menschlichen mitarbeiter|operator)( \w+){0,3} (sprechen|reden|verbinden|verbunden|telefonieren|kontakt aufnehmen)"),
        PhrasePattern.Words("de.speak_to",
            @"(einen|einem|eine) (echten |menschlichen )?(mitarbeiter|menschen|berater|ansprechpartner|agenten|mitarbeiterin|beraterin)( \w+){0,2} (sprechen|erreichen|kontaktieren)"),
        PhrasePattern.Words("de.connect_me",
            @"(verbinde|verbinden sie|verbindet|leite|leiten sie|stelle|stellen sie) (mich|uns) (bitte )?(mit|zu|an|weiter an|durch zu) (einem |einer |dem |der |jemandem )?(echten |menschlichen )?(mensch|menschen|mitarbeiter|mitarbeiterin|berater|support|kundendienst|kundenservice|ansprechpartner|agenten|person|jemandem)"),
        PhrasePattern.Words("de.human_phrase", @"(echten menschen|echter mensch|echte person|echten person|menschlichen mitarbeiter|menschlichen ansprechpartner|persönlichen ansprechpartner)"),

        // French
        PhrasePattern.Words("fr.talk_to",
            @"(parler|communiquer|entrer en contact|etre mis en relation|etre mise en relation|me mettre en relation|mettez moi en relation|mets moi en relation) (a|avec) (un |une |le |la |l |quelqu un du |quelqu un de |un vrai |une vraie |un membre de |votre |vos )?(humain|humaine|personne|agent|conseiller|conseillere|operateur|operatrice|support|service client|vraie personne|etre humain|quelqu un(?! (de|dans) (mon|ma|mes|notre))|equipe support|equipe d assistance|assistance|responsable|technicien|employe|service apres vente)"),
        PhrasePattern.Words("fr.want",
            @"(je veux|je voudrais|j aimerais|je souhaite|je prefere|passez moi|passe moi|transferez moi|transfere moi|donnez moi) (parler a |parler avec |avec |etre mis en relation avec )?(un |une )?(vrai |vraie )?(humain|conseiller|conseillere|operateur|operatrice|personne reelle|etre humain|agent humain)"),
        PhrasePattern.Words("fr.human_phrase", @"(vraie personne|personne reelle|agent humain|conseiller humain|assistance humaine|interlocuteur humain|humain en chair et en os)"),

        // Italian
        PhrasePattern.Words("it.talk_to",
            @"(parlare|parlo|comunicare|mettermi in contatto|essere messo in contatto|mettetemi in contatto|mettimi in contatto|contattare) (con|a) (un |una |il |la |l |qualcuno del |qualcuno dell |un vero |una vera )?(operatore|operatrice|persona|umano|essere umano|agente|assistenza|qualcuno(?! (del|della|nel|nella) (mio|mia|nostro|nostra))|consulente|assistenza clienti|servizio clienti|supporto|persona reale|persona vera|tecnico|responsabile)"),
        PhrasePattern.Words("it.want",
            @"(voglio|vorrei|ho bisogno di|preferisco|passami|mi passi|mi passa|trasferiscimi a) (parlare con )?(un |una )?(operatore|operatrice|persona reale|persona vera|essere umano|umano|assistenza umana)"),
        PhrasePattern.Words("it.human_phrase", @"(operatore umano|persona reale|persona vera|assistenza umana|persona in carne e ossa)"),

        // Dutch
        PhrasePattern.Words("nl.talk_to",
            @"(spreken|praten|bellen|contact|in contact komen|in contact gebracht worden|verbonden worden|doorverbonden worden) (met|naar) (een |de |iemand van |uw |jullie )?(echte |echt )?(mens|medewerker|medewerkster|persoon|iemand|klantenservice|support|helpdesk|supportteam|servicedesk|adviseur|operator)"),
        PhrasePattern.Words("nl.talk_with",
            @"met (een |de |iemand van de |iemand van )?(echte |echt )?(mens|medewerker|persoon|iemand|klantenservice|support|helpdesk|adviseur)( \w+){0,2} (spreken|praten|bellen)"),
        PhrasePattern.Words("nl.connect_me",
            @"(verbind|verbindt|breng) (me|mij|u mij) (door )?(met|naar) (een |de )?(echte )?(mens|medewerker|persoon|klantenservice|adviseur|operator|support|helpdesk)"),
        PhrasePattern.Words("nl.human_phrase", @"(echte persoon|echt persoon|echt mens|echte mens|menselijke medewerker|menselijke hulp)"),

        // Polish
        PhrasePattern.Words("pl.talk_to",
            @"(rozmawiać|porozmawiać|pogadać|połączyć|połącz|połączenie|skontaktować się|kontakt|mówić) (się )?(z|ze) (\w+ )?(człowiekiem|konsultantem|konsultantką|osobą|pracownikiem|agentem|operatorem|obsługą|kimś|prawdziwą osobą|żywym człowiekiem|działem obsługi|supportem|wsparciem|doradcą)"),
        PhrasePattern.Words("pl.human_phrase", @"(prawdziwa osoba|prawdziwą osobą|prawdziwy człowiek|prawdziwym człowiekiem|żywy człowiek|żywym człowiekiem)"),

        // Russian
        PhrasePattern.Words("ru.talk_to",
            @"(поговорить|говорить|связаться|соедините|соедини|переключите|переключи|позовите|позови|позвать|общаться|пообщаться|свяжите|свяжи|хочу поговорить|дайте поговорить) (меня )?(\w+ ){0,2}(с |со )?(человек\w*|оператор\w*|специалист\w*|сотрудник\w*|менеджер\w*|консультант\w*|поддержк\w*|живым\w*|кем нибудь|кем то|агент\w*|техподдержк\w*)"),
        PhrasePattern.Words("ru.human_phrase",
            @"(жив(ой|ым|ого) (человек\w*|оператор\w*|сотрудник\w*)|(реальн|настоящ)\w* человек\w*)"),

        // Ukrainian
        PhrasePattern.Words("uk.talk_to",
            @"(поговорити|говорити|зв язатися|звязатися|зв язатись|з єднайте|з єднай|покличте|поклич|переключіть|переключи|спілкуватися|поспілкуватися) (мене )?(\w+ ){0,2}(з |із |зі )?(людин\w*|оператор\w*|спеціаліст\w*|працівник\w*|менеджер\w*|консультант\w*|підтримк\w*|кимось|живою\w*)"),
        PhrasePattern.Words("uk.human_phrase", @"(жив(а|ою|у|ий|ого) (людин\w*|оператор\w*)|справжн\w* людин\w*)"),

        // Turkish
        PhrasePattern.Words("tr.talk_to",
            @"(insan|insanla|temsilci|temsilciyle|temsilciye|operatör|operatörle|operatöre|yetkili|yetkiliyle|yetkiliye|müşteri hizmetleri|müşteri hizmetleriyle|müşteri temsilcisi|müşteri temsilcisiyle|canlı destek|canlı destekle|gerçek bir kişi|gerçek kişi|gerçek biriyle|biriyle|birisiyle|destek ekibi|destek ekibiyle|çalışan|çalışanla)( ile)? (görüş|konuş|bağla|bağlan|iletişim|yazış)\w*"),
        PhrasePattern.Words("tr.connect_me",
            @"beni (bir )?(insana|temsilciye|operatöre|yetkiliye|müşteri hizmetlerine|canlı desteğe|destek ekibine) (bağla|aktar|yönlendir)\w*"),
        PhrasePattern.Words("tr.human_phrase", @"(canlı destek|gerçek (bir )?insan|müşteri temsilcisi|canlı temsilci)"),

        // Arabic
        PhrasePattern.Anywhere("ar.talk_to",
            @"(التحدث|التكلم|اتحدث|اتكلم|تحدث|كلم|اكلم|التواصل|اتواصل|تواصل) (مع|الى|إلى) ?(شخص|موظف|انسان|إنسان|وكيل|ممثل|الدعم|خدمة العملاء|فريق الدعم|احد|أحد|بشري|مسؤول)"),
        PhrasePattern.Anywhere("ar.human_phrase", @"(شخص حقيقي|موظف حقيقي|انسان حقيقي|إنسان حقيقي|الدعم البشري|دعم بشري|موظف بشري)"),

        // Chinese
        PhrasePattern.Anywhere("zh.human_phrase",
            @"(转人工|人工客服|人工服务|人工坐席|人工支持|真人客服|找真人|找个真人|真人对话|联系客服|找客服|人工处理|人工帮助|接人工|要人工|人工介入|联系工作人员|(和|跟|与|同)(一个)?(真人|人类|客服|工作人员|技术支持|人工)(聊|说话|对话|沟通|交流|通话))"),

        // Japanese
        PhrasePattern.Anywhere("ja.human_phrase",
            @"(担当者(に|と|へ)(つな|繋|代わ|話|連絡|相談)|担当者(を|に)?(お願い|呼んで)|オペレーター(に|と|へ)(つな|繋|代わ|話|相談|接続)|オペレーター(を|に)?(お願い|呼んで)|人間(と|に)(話|つな|繋|代わ|相談)|有人(対応|チャット|サポート)|サポート(担当|スタッフ|チーム)(に|と|へ)(つな|繋|連絡|話|相談)|スタッフ(と|に)(話|つな|繋|代わ)|人と話したい|人に代わって|人につないで|人に繋いで)"),

        // Korean
        PhrasePattern.Anywhere("ko.human_phrase",
            @"(상담원|상담사|상담 ?직원|고객 ?센터 ?연결|사람(과|이랑|하고|한테|에게) ?(대화|통화|이야기|얘기|연결|상담)|직원(과|이랑|하고|한테|에게|을|를)? ?(연결|대화|통화|상담)|실제 ?사람|진짜 ?사람|사람 ?연결)"),
    ];

    /// <summary>Messages that are nothing but the person asked for, with politeness around it.</summary>
    public static IReadOnlyList<PhrasePattern> WholeMessages { get; } =
    [
        PhrasePattern.WholeMessage("en.alone",
            @"((i want |i need |i d like |give me |get me |can i get |can i have |connect me to |talk to |speak to )?(a |an |the |your )?(human|humans|agent|operator|representative|rep|person|customer service|customer support|support|support team|someone|somebody|staff|manager|help desk|helpdesk|live chat)( now| please| pls| plz| asap| immediately)*|(please|pls|plz) (a |an )?(human|agent|operator|representative|support)|(yes |ok |okay |sure )?(please )?(connect|transfer) me( please| now)*)"),
        PhrasePattern.WholeMessage("es.alone",
            @"((un |una |el |la )?(humano|persona|agente|operador|operadora|asesor|asesora|representante|soporte|atencion al cliente|servicio al cliente|soporte tecnico)( por favor| ya| ahora)*|por favor (un |una )?(humano|persona|agente|operador|asesor))"),
        PhrasePattern.WholeMessage("pt.alone",
            @"((um |uma |o |a )?(atendente|humano|operador|operadora|suporte|atendimento|atendimento humano)( por favor| agora| ja)*|por favor (um |uma )?(atendente|humano|operador))"),
        PhrasePattern.WholeMessage("de.alone",
            @"((ein |einen |einem )?(mensch|menschen|mitarbeiter|berater|kundendienst|kundenservice|support|ansprechpartner|agent|operator)( bitte| sofort| jetzt)*|bitte (ein |einen )?(mensch|menschen|mitarbeiter|berater|kundendienst|support))"),
        PhrasePattern.WholeMessage("fr.alone",
            @"((un |une |le |l )?(humain|conseiller|conseillere|operateur|agent|service client|support|assistance)( svp| s il vous plait| s il te plait| maintenant)*|(svp|s il vous plait) (un )?(humain|conseiller|operateur))"),
        PhrasePattern.WholeMessage("it.alone",
            @"((un |l )?(operatore|operatrice|umano|assistenza|assistenza clienti|servizio clienti|supporto)( per favore| subito| grazie)*|per favore (un )?(operatore|umano))"),
        PhrasePattern.WholeMessage("nl.alone",
            @"((een )?(mens|medewerker|klantenservice|support|helpdesk|operator|adviseur)( alstublieft| alsjeblieft| graag| aub| nu)*|(graag|alstublieft|alsjeblieft) (een )?(mens|medewerker|klantenservice))"),
        PhrasePattern.WholeMessage("pl.alone",
            @"((z )?(konsultant|konsultantem|człowiek|człowiekiem|operator|obsługa klienta|pracownik)( proszę| teraz)*|proszę (o )?(konsultanta|człowieka|operatora))"),
        PhrasePattern.WholeMessage("ru.alone",
            @"((позовите |позови |дайте |нужен |нужна )?(оператор|оператора|человек|человека|специалист|специалиста|менеджер|менеджера|поддержка|поддержку|техподдержка|консультант|консультанта)( пожалуйста| срочно| сейчас)*|пожалуйста (оператора|человека|специалиста))"),
        PhrasePattern.WholeMessage("uk.alone",
            @"(покличте |дайте |потрібен |потрібна )?(оператор|оператора|людина|людину|спеціаліст|спеціаліста|менеджер|менеджера|підтримка|консультант)( будь ласка| терміново)*"),
        PhrasePattern.WholeMessage("tr.alone",
            @"((bir )?(temsilci|operatör|insan|yetkili|müşteri hizmetleri|destek)( lütfen| hemen| acil)*|lütfen (bir )?(temsilci|operatör|insan|yetkili))"),
        PhrasePattern.WholeMessage("ar.alone", @"(موظف|انسان|إنسان|خدمة العملاء|الدعم|الدعم الفني|ممثل)( من فضلك| لو سمحت)?"),
        PhrasePattern.WholeMessage("zh.alone", @"(人工|客服|真人|人工客服)(吧|呢|谢谢)?"),
        PhrasePattern.WholeMessage("ja.alone", @"(担当者|オペレーター|人間|有人|サポート|スタッフ)(を|に)?(お願いします|お願い|ください|呼んで)?"),
        PhrasePattern.WholeMessage("ko.alone", @"(상담원|상담사|직원|사람|고객 ?센터)( ?(연결|불러|불러줘|주세요|부탁해요|부탁합니다|요))*"),
    ];
}
