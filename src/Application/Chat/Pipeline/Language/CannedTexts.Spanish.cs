using System.Collections.Frozen;

namespace Chat9.Application.Chat.Pipeline.Language;

public static partial class CannedTexts
{
    /// <summary>Spanish (tú, as most Spanish-language chat assistants).</summary>
    private static class Spanish
    {
        public static readonly IReadOnlyDictionary<CannedText, string> Texts = new Dictionary<CannedText, string>
        {
            [CannedText.GreetingBuiltIn] = "¡Hola! Soy el asistente de {bot_name}. Pregúntame lo que quieras sobre {product_name}.",
            [CannedText.GreetingBuiltInNamed] = "¡Hola, {user_name}! Soy el asistente de {bot_name}. Pregúntame lo que quieras sobre {product_name}.",
            [CannedText.ExtractiveLeadIn] = "Esto es lo que dice la documentación:",
            [CannedText.NoDocuments] = "Todavía no tengo documentación con la que responder.",
            [CannedText.LowConfidence] = "No he encontrado esto en la documentación. ¿Podrías reformular tu pregunta?",
            [CannedText.OfferHuman] = "¿Quieres que te ponga en contacto con una persona de nuestro equipo de soporte?",
            [CannedText.HumanUnavailable] = "La atención por parte de una persona no está disponible en este chat, pero con gusto sigo ayudándote con tus preguntas sobre {product_name}.",
            [CannedText.EmailRequest] = "Puedo ponerte en contacto con nuestro equipo de soporte. ¿A qué dirección de correo electrónico deben responderte?",
            [CannedText.TicketOpenedWithEmail] = "He pasado tu consulta a nuestro equipo de soporte (ticket {ticket_number}). Te responderán a {email}.",
            [CannedText.TicketOpenedWithoutEmail] = "He pasado tu consulta a nuestro equipo de soporte (ticket {ticket_number}). Pueden ver esta conversación, pero sin una dirección de correo electrónico no pueden responderte.",
            [CannedText.RefusedInjection] = "Solo puedo ayudarte con preguntas sobre {product_name}.",
            [CannedText.RefusedAbuse] = "Mantengamos una conversación respetuosa. Con gusto te ayudo con tus preguntas sobre {product_name}.",
            [CannedText.OffTopic] = "Solo puedo ayudarte con preguntas sobre {product_name}. ¿Hay algo al respecto en lo que pueda ayudarte?",
            [CannedText.SmalltalkHello] = "¡Hola! ¿Qué te gustaría saber sobre {product_name}?",
            [CannedText.SmalltalkThanks] = "¡De nada! ¿Hay algo más en lo que pueda ayudarte?",
            [CannedText.GroundingCaveat] = "No estoy del todo seguro de que la documentación cubra esto. ¿Quieres que te ponga en contacto con una persona?",
            [CannedText.LeakRefusal] = "No puedo compartir eso.",
            [CannedText.ErrorUnavailable] = "El asistente no está disponible temporalmente. Vuelve a intentarlo en un momento.",
            [CannedText.ErrorRejected] = "No puedo procesar este mensaje. Por favor, reformúlalo.",
            [CannedText.ErrorInternal] = "Algo ha fallado por nuestra parte. Por favor, inténtalo de nuevo.",
            [CannedText.LinkSafetyTitle] = "¿Abrir enlace externo?",
            [CannedText.LinkSafetyBody] = "Vas a ir a {hostname}. ¿Continuar?",
            [CannedText.LinkSafetyContinue] = "Abrir",
            [CannedText.LinkSafetyCancel] = "Cancelar",
        }.ToFrozenDictionary();
    }
}
