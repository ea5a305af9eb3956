using System.Collections.Frozen;

namespace Chat9.Application.Chat.Pipeline.Language;

public static partial class CannedTexts
{
    /// <summary>English.</summary>
    private static class English
    {
        public static readonly IReadOnlyDictionary<CannedText, string> Texts = new Dictionary<CannedText, string>
        {
            [CannedText.GreetingBuiltIn] = "Hi! I'm the {bot_name} assistant. Ask me anything about {product_name}.",
            [CannedText.GreetingBuiltInNamed] = "Hi {user_name}! I'm the {bot_name} assistant. Ask me anything about {product_name}.",
            [CannedText.ExtractiveLeadIn] = "Here is what the documentation says:",
            [CannedText.NoDocuments] = "I don't have any documentation to answer from yet.",
            [CannedText.LowConfidence] = "I couldn't find this in the documentation. Could you try rephrasing your question?",
            [CannedText.OfferHuman] = "Would you like me to connect you with a human from our support team?",
            [CannedText.HumanUnavailable] = "Human support isn't available in this chat, but I'm happy to keep helping with your questions about {product_name}.",
            [CannedText.EmailRequest] = "I can connect you with our support team. What e-mail address should they reply to?",
            [CannedText.TicketOpenedWithEmail] = "I've passed this to our support team (ticket {ticket_number}). They will reply to {email}.",
            [CannedText.TicketOpenedWithoutEmail] = "I've passed this to our support team (ticket {ticket_number}). They can see this conversation, but without an e-mail address they can't write back to you.",
            [CannedText.RefusedInjection] = "I can only help with questions about {product_name}.",
            [CannedText.RefusedAbuse] = "Let's keep this conversation respectful. I'm happy to help with questions about {product_name}.",
            [CannedText.OffTopic] = "I can only help with questions about {product_name}. Is there something about it I can help you with?",
            [CannedText.SmalltalkHello] = "Hello! What would you like to know about {product_name}?",
            [CannedText.SmalltalkThanks] = "You're welcome! Is there anything else I can help you with?",
            [CannedText.GroundingCaveat] = "I'm not fully sure the documentation covers this. Would you like me to connect you with a human?",
            [CannedText.LeakRefusal] = "I can't share that.",
            [CannedText.ErrorUnavailable] = "The assistant is temporarily unavailable. Please try again in a moment.",
            [CannedText.ErrorRejected] = "I can't process this message. Please rephrase it.",
            [CannedText.ErrorInternal] = "Something went wrong on our side. Please try again.",
            [CannedText.LinkSafetyTitle] = "Open external link?",
            [CannedText.LinkSafetyBody] = "You are going to {hostname}. Continue?",
            [CannedText.LinkSafetyContinue] = "Open",
            [CannedText.LinkSafetyCancel] = "Cancel",
        }.ToFrozenDictionary();
    }
}
