using System.Collections.Frozen;

namespace Chat9.Application.Chat.Pipeline.Language;

public static partial class CannedTexts
{
    /// <summary>Italian (tu, as most Italian chat assistants).</summary>
    private static class Italian
    {
        public static readonly IReadOnlyDictionary<CannedText, string> Texts = new Dictionary<CannedText, string>
        {
            [CannedText.GreetingBuiltIn] = "Ciao! Sono l'assistente di {bot_name}. Chiedimi qualsiasi cosa su {product_name}.",
            [CannedText.GreetingBuiltInNamed] = "Ciao {user_name}! Sono l'assistente di {bot_name}. Chiedimi qualsiasi cosa su {product_name}.",
            [CannedText.ExtractiveLeadIn] = "Ecco cosa dice la documentazione:",
            [CannedText.NoDocuments] = "Non ho ancora una documentazione da cui rispondere.",
            [CannedText.LowConfidence] = "Non ho trovato questa informazione nella documentazione. Puoi provare a riformulare la domanda?",
            [CannedText.OfferHuman] = "Vuoi che ti metta in contatto con una persona del nostro team di assistenza?",
            [CannedText.HumanUnavailable] = "L'assistenza da parte di una persona non è disponibile in questa chat, ma continuo volentieri ad aiutarti con le tue domande su {product_name}.",
            [CannedText.EmailRequest] = "Posso metterti in contatto con il nostro team di assistenza. A quale indirizzo e-mail devono risponderti?",
            [CannedText.TicketOpenedWithEmail] = "Ho inoltrato la tua richiesta al nostro team di assistenza (ticket {ticket_number}). Ti risponderanno a {email}.",
            [CannedText.TicketOpenedWithoutEmail] = "Ho inoltrato la tua richiesta al nostro team di assistenza (ticket {ticket_number}). Possono vedere questa conversazione, ma senza un indirizzo e-mail non possono risponderti.",
            [CannedText.RefusedInjection] = "Posso aiutarti solo con domande su {product_name}.",
            [CannedText.RefusedAbuse] = "Manteniamo un tono rispettoso. Ti aiuto volentieri con le tue domande su {product_name}.",
            [CannedText.OffTopic] = "Posso aiutarti solo con domande su {product_name}. C'è qualcosa al riguardo in cui posso aiutarti?",
            [CannedText.SmalltalkHello] = "Ciao! Cosa vorresti sapere su {product_name}?",
            [CannedText.SmalltalkThanks] = "Prego! C'è qualcos'altro in cui posso aiutarti?",
            [CannedText.GroundingCaveat] = "Non sono del tutto sicuro che la documentazione copra questo argomento. Vuoi che ti metta in contatto con una persona?",
            [CannedText.LeakRefusal] = "Non posso condividere questa informazione.",
            [CannedText.ErrorUnavailable] = "L'assistente non è momentaneamente disponibile. Riprova tra un attimo.",
            [CannedText.ErrorRejected] = "Non posso elaborare questo messaggio. Prova a riformularlo.",
            [CannedText.ErrorInternal] = "Si è verificato un problema da parte nostra. Riprova.",
            [CannedText.LinkSafetyTitle] = "Aprire il link esterno?",
            [CannedText.LinkSafetyBody] = "Stai per andare su {hostname}. Continuare?",
            [CannedText.LinkSafetyContinue] = "Apri",
            [CannedText.LinkSafetyCancel] = "Annulla",
        }.ToFrozenDictionary();
    }
}
