using System.Collections.Frozen;

namespace Chat9.Application.Chat.Pipeline.Language;

public static partial class CannedTexts
{
    /// <summary>Polish (informal second person, as most Polish apps).</summary>
    private static class Polish
    {
        public static readonly IReadOnlyDictionary<CannedText, string> Texts = new Dictionary<CannedText, string>
        {
            [CannedText.GreetingBuiltIn] = "Cześć! Jestem asystentem {bot_name}. Zapytaj mnie o cokolwiek na temat {product_name}.",
            [CannedText.GreetingBuiltInNamed] = "Cześć, {user_name}! Jestem asystentem {bot_name}. Zapytaj mnie o cokolwiek na temat {product_name}.",
            [CannedText.ExtractiveLeadIn] = "Oto, co mówi dokumentacja:",
            [CannedText.NoDocuments] = "Nie mam jeszcze dokumentacji, na podstawie której mógłbym odpowiadać.",
            [CannedText.LowConfidence] = "Nie znalazłem tego w dokumentacji. Czy możesz spróbować inaczej sformułować pytanie?",
            [CannedText.OfferHuman] = "Czy chcesz, żebym połączył Cię z osobą z naszego zespołu wsparcia?",
            [CannedText.HumanUnavailable] = "Kontakt z konsultantem nie jest dostępny na tym czacie, ale chętnie dalej pomogę w pytaniach na temat {product_name}.",
            [CannedText.EmailRequest] = "Mogę połączyć Cię z naszym zespołem wsparcia. Na jaki adres e-mail mają odpowiedzieć?",
            [CannedText.TicketOpenedWithEmail] = "Przekazałem sprawę naszemu zespołowi wsparcia (zgłoszenie {ticket_number}). Odpowiedź zostanie wysłana na adres {email}.",
            [CannedText.TicketOpenedWithoutEmail] = "Przekazałem sprawę naszemu zespołowi wsparcia (zgłoszenie {ticket_number}). Zespół widzi tę rozmowę, ale bez adresu e-mail nie może Ci odpisać.",
            [CannedText.RefusedInjection] = "Mogę pomóc tylko w pytaniach na temat {product_name}.",
            [CannedText.RefusedAbuse] = "Zachowajmy wzajemny szacunek. Chętnie pomogę w pytaniach na temat {product_name}.",
            [CannedText.OffTopic] = "Mogę pomóc tylko w pytaniach na temat {product_name}. Czy jest coś w tym temacie, w czym mogę pomóc?",
            [CannedText.SmalltalkHello] = "Cześć! Co chcesz wiedzieć o {product_name}?",
            [CannedText.SmalltalkThanks] = "Nie ma za co! Czy mogę pomóc w czymś jeszcze?",
            [CannedText.GroundingCaveat] = "Nie mam pewności, czy dokumentacja to obejmuje. Czy chcesz, żebym połączył Cię z konsultantem?",
            [CannedText.LeakRefusal] = "Nie mogę tego udostępnić.",
            [CannedText.ErrorUnavailable] = "Asystent jest chwilowo niedostępny. Spróbuj ponownie za chwilę.",
            [CannedText.ErrorRejected] = "Nie mogę przetworzyć tej wiadomości. Sformułuj ją inaczej.",
            [CannedText.ErrorInternal] = "Coś poszło nie tak po naszej stronie. Spróbuj ponownie.",
            [CannedText.LinkSafetyTitle] = "Otworzyć link zewnętrzny?",
            [CannedText.LinkSafetyBody] = "Przechodzisz do {hostname}. Kontynuować?",
            [CannedText.LinkSafetyContinue] = "Otwórz",
            [CannedText.LinkSafetyCancel] = "Anuluj",
        }.ToFrozenDictionary();
    }
}
