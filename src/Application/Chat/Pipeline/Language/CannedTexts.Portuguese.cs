using System.Collections.Frozen;

namespace Chat9.Application.Chat.Pipeline.Language;

public static partial class CannedTexts
{
    /// <summary>Portuguese (você; understood in Brazil and Portugal).</summary>
    private static class Portuguese
    {
        public static readonly IReadOnlyDictionary<CannedText, string> Texts = new Dictionary<CannedText, string>
        {
            [CannedText.GreetingBuiltIn] = "Olá! Sou o assistente de {bot_name}. Pergunte o que quiser sobre {product_name}.",
            [CannedText.GreetingBuiltInNamed] = "Olá, {user_name}! Sou o assistente de {bot_name}. Pergunte o que quiser sobre {product_name}.",
            [CannedText.ExtractiveLeadIn] = "Veja o que diz a documentação:",
            [CannedText.NoDocuments] = "Ainda não tenho nenhuma documentação para responder.",
            [CannedText.LowConfidence] = "Não encontrei isso na documentação. Você poderia reformular sua pergunta?",
            [CannedText.OfferHuman] = "Gostaria que eu colocasse você em contato com uma pessoa da nossa equipe de suporte?",
            [CannedText.HumanUnavailable] = "O atendimento humano não está disponível neste chat, mas continuo à disposição para ajudar com suas perguntas sobre {product_name}.",
            [CannedText.EmailRequest] = "Posso colocar você em contato com nossa equipe de suporte. Para qual endereço de e-mail eles devem responder?",
            [CannedText.TicketOpenedWithEmail] = "Encaminhei sua solicitação para nossa equipe de suporte (ticket {ticket_number}). Eles responderão para {email}.",
            [CannedText.TicketOpenedWithoutEmail] = "Encaminhei sua solicitação para nossa equipe de suporte (ticket {ticket_number}). Eles podem ver esta conversa, mas sem um endereço de e-mail não conseguem responder a você.",
            [CannedText.RefusedInjection] = "Só posso ajudar com perguntas sobre {product_name}.",
            [CannedText.RefusedAbuse] = "Vamos manter esta conversa respeitosa. Fico feliz em ajudar com perguntas sobre {product_name}.",
            [CannedText.OffTopic] = "Só posso ajudar com perguntas sobre {product_name}. Há algo sobre isso em que eu possa ajudar?",
            [CannedText.SmalltalkHello] = "Olá! O que você gostaria de saber sobre {product_name}?",
            [CannedText.SmalltalkThanks] = "De nada! Posso ajudar com mais alguma coisa?",
            [CannedText.GroundingCaveat] = "Não tenho certeza de que a documentação cobre isso. Gostaria que eu colocasse você em contato com uma pessoa?",
            [CannedText.LeakRefusal] = "Não posso compartilhar isso.",
            [CannedText.ErrorUnavailable] = "O assistente está temporariamente indisponível. Tente novamente em instantes.",
            [CannedText.ErrorRejected] = "Não consigo processar esta mensagem. Por favor, reformule-a.",
            [CannedText.ErrorInternal] = "Algo deu errado do nosso lado. Tente novamente.",
            [CannedText.LinkSafetyTitle] = "Abrir link externo?",
            [CannedText.LinkSafetyBody] = "Você vai acessar {hostname}. Continuar?",
            [CannedText.LinkSafetyContinue] = "Abrir",
            [CannedText.LinkSafetyCancel] = "Cancelar",
        }.ToFrozenDictionary();
    }
}
