using System.Collections.Frozen;

namespace Chat9.Application.Chat.Pipeline.Language;

public static partial class CannedTexts
{
    /// <summary>Dutch (je, as most Dutch chat assistants).</summary>
    private static class Dutch
    {
        public static readonly IReadOnlyDictionary<CannedText, string> Texts = new Dictionary<CannedText, string>
        {
            [CannedText.GreetingBuiltIn] = "Hallo! Ik ben de assistent van {bot_name}. Stel me gerust al je vragen over {product_name}.",
            [CannedText.GreetingBuiltInNamed] = "Hallo {user_name}! Ik ben de assistent van {bot_name}. Stel me gerust al je vragen over {product_name}.",
            [CannedText.ExtractiveLeadIn] = "Dit staat er in de documentatie:",
            [CannedText.NoDocuments] = "Ik heb nog geen documentatie om antwoorden uit te halen.",
            [CannedText.LowConfidence] = "Ik kon dit niet vinden in de documentatie. Kun je je vraag anders formuleren?",
            [CannedText.OfferHuman] = "Wil je dat ik je in contact breng met iemand van ons supportteam?",
            [CannedText.HumanUnavailable] = "Persoonlijke ondersteuning is niet beschikbaar in deze chat, maar ik help je graag verder met je vragen over {product_name}.",
            [CannedText.EmailRequest] = "Ik kan je in contact brengen met ons supportteam. Naar welk e-mailadres mogen ze antwoorden?",
            [CannedText.TicketOpenedWithEmail] = "Ik heb dit doorgegeven aan ons supportteam (ticket {ticket_number}). Ze antwoorden naar {email}.",
            [CannedText.TicketOpenedWithoutEmail] = "Ik heb dit doorgegeven aan ons supportteam (ticket {ticket_number}). Ze kunnen dit gesprek zien, maar zonder e-mailadres kunnen ze je niet terugschrijven.",
            [CannedText.RefusedInjection] = "Ik kan alleen helpen met vragen over {product_name}.",
            [CannedText.RefusedAbuse] = "Laten we dit gesprek respectvol houden. Ik help je graag met vragen over {product_name}.",
            [CannedText.OffTopic] = "Ik kan alleen helpen met vragen over {product_name}. Is er iets daarover waarmee ik je kan helpen?",
            [CannedText.SmalltalkHello] = "Hallo! Wat wil je weten over {product_name}?",
            [CannedText.SmalltalkThanks] = "Graag gedaan! Kan ik je ergens anders mee helpen?",
            [CannedText.GroundingCaveat] = "Ik weet niet helemaal zeker of de documentatie dit behandelt. Wil je dat ik je in contact breng met een medewerker?",
            [CannedText.LeakRefusal] = "Dat kan ik niet delen.",
            [CannedText.ErrorUnavailable] = "De assistent is tijdelijk niet beschikbaar. Probeer het zo meteen opnieuw.",
            [CannedText.ErrorRejected] = "Ik kan dit bericht niet verwerken. Formuleer het alsjeblieft anders.",
            [CannedText.ErrorInternal] = "Er ging iets mis aan onze kant. Probeer het opnieuw.",
            [CannedText.LinkSafetyTitle] = "Externe link openen?",
            [CannedText.LinkSafetyBody] = "Je gaat naar {hostname}. Doorgaan?",
            [CannedText.LinkSafetyContinue] = "Openen",
            [CannedText.LinkSafetyCancel] = "Annuleren",
        }.ToFrozenDictionary();
    }
}
