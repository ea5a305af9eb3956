using System.Collections.Frozen;

namespace Chat9.Application.Chat.Pipeline.Language;

public static partial class CannedTexts
{
    /// <summary>French (vous).</summary>
    private static class French
    {
        public static readonly IReadOnlyDictionary<CannedText, string> Texts = new Dictionary<CannedText, string>
        {
            [CannedText.GreetingBuiltIn] = "Bonjour ! Je suis l'assistant de {bot_name}. Posez-moi toutes vos questions sur {product_name}.",
            [CannedText.GreetingBuiltInNamed] = "Bonjour {user_name} ! Je suis l'assistant de {bot_name}. Posez-moi toutes vos questions sur {product_name}.",
            [CannedText.ExtractiveLeadIn] = "Voici ce que dit la documentation :",
            [CannedText.NoDocuments] = "Je n'ai pas encore de documentation sur laquelle m'appuyer pour répondre.",
            [CannedText.LowConfidence] = "Je n'ai pas trouvé cette information dans la documentation. Pourriez-vous reformuler votre question ?",
            [CannedText.OfferHuman] = "Souhaitez-vous que je vous mette en relation avec une personne de notre équipe d'assistance ?",
            [CannedText.HumanUnavailable] = "L'assistance par une personne n'est pas disponible dans ce chat, mais je continue volontiers à répondre à vos questions sur {product_name}.",
            [CannedText.EmailRequest] = "Je peux vous mettre en relation avec notre équipe d'assistance. À quelle adresse e-mail doit-elle vous répondre ?",
            [CannedText.TicketOpenedWithEmail] = "J'ai transmis votre demande à notre équipe d'assistance (ticket {ticket_number}). Elle vous répondra à {email}.",
            [CannedText.TicketOpenedWithoutEmail] = "J'ai transmis votre demande à notre équipe d'assistance (ticket {ticket_number}). Elle peut voir cette conversation, mais sans adresse e-mail, elle ne peut pas vous répondre.",
            [CannedText.RefusedInjection] = "Je ne peux vous aider que pour des questions sur {product_name}.",
            [CannedText.RefusedAbuse] = "Restons courtois, s'il vous plaît. Je vous aide volontiers pour vos questions sur {product_name}.",
            [CannedText.OffTopic] = "Je ne peux vous aider que pour des questions sur {product_name}. Y a-t-il quelque chose à ce sujet pour lequel je peux vous aider ?",
            [CannedText.SmalltalkHello] = "Bonjour ! Que souhaitez-vous savoir sur {product_name} ?",
            [CannedText.SmalltalkThanks] = "Je vous en prie ! Puis-je vous aider pour autre chose ?",
            [CannedText.GroundingCaveat] = "Je ne suis pas tout à fait sûr que la documentation couvre ce point. Souhaitez-vous que je vous mette en relation avec une personne ?",
            [CannedText.LeakRefusal] = "Je ne peux pas partager cela.",
            [CannedText.ErrorUnavailable] = "L'assistant est temporairement indisponible. Veuillez réessayer dans un instant.",
            [CannedText.ErrorRejected] = "Je ne peux pas traiter ce message. Veuillez le reformuler.",
            [CannedText.ErrorInternal] = "Un problème est survenu de notre côté. Veuillez réessayer.",
            [CannedText.LinkSafetyTitle] = "Ouvrir le lien externe ?",
            [CannedText.LinkSafetyBody] = "Vous allez être redirigé vers {hostname}. Continuer ?",
            [CannedText.LinkSafetyContinue] = "Ouvrir",
            [CannedText.LinkSafetyCancel] = "Annuler",
        }.ToFrozenDictionary();
    }
}
