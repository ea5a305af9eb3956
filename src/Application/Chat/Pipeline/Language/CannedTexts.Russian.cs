using System.Collections.Frozen;

namespace Chat9.Application.Chat.Pipeline.Language;

public static partial class CannedTexts
{
    /// <summary>Russian (вы).</summary>
    private static class Russian
    {
        public static readonly IReadOnlyDictionary<CannedText, string> Texts = new Dictionary<CannedText, string>
        {
            [CannedText.GreetingBuiltIn] = "Здравствуйте! Я ассистент {bot_name}. Задайте мне любой вопрос о {product_name}.",
            [CannedText.GreetingBuiltInNamed] = "Здравствуйте, {user_name}! Я ассистент {bot_name}. Задайте мне любой вопрос о {product_name}.",
            [CannedText.ExtractiveLeadIn] = "Вот что сказано в документации:",
            [CannedText.NoDocuments] = "У меня пока нет документации, на основе которой я мог бы отвечать.",
            [CannedText.LowConfidence] = "Я не нашёл этого в документации. Не могли бы вы переформулировать вопрос?",
            [CannedText.OfferHuman] = "Хотите, чтобы я связал вас с сотрудником нашей службы поддержки?",
            [CannedText.HumanUnavailable] = "Связаться с сотрудником поддержки в этом чате нельзя, но я с удовольствием продолжу отвечать на ваши вопросы о {product_name}.",
            [CannedText.EmailRequest] = "Я могу связать вас с нашей службой поддержки. На какой адрес электронной почты вам ответить?",
            [CannedText.TicketOpenedWithEmail] = "Я передал ваш запрос в нашу службу поддержки (заявка {ticket_number}). Ответ придёт на {email}.",
            [CannedText.TicketOpenedWithoutEmail] = "Я передал ваш запрос в нашу службу поддержки (заявка {ticket_number}). Сотрудники видят этот разговор, но без адреса электронной почты не смогут вам ответить.",
            [CannedText.RefusedInjection] = "Я могу помочь только с вопросами о {product_name}.",
            [CannedText.RefusedAbuse] = "Давайте общаться уважительно. Я с удовольствием помогу с вопросами о {product_name}.",
            [CannedText.OffTopic] = "Я могу помочь только с вопросами о {product_name}. Есть ли вопрос на эту тему, с которым я могу помочь?",
            [CannedText.SmalltalkHello] = "Здравствуйте! Что вы хотели бы узнать о {product_name}?",
            [CannedText.SmalltalkThanks] = "Пожалуйста! Могу ли я помочь чем-то ещё?",
            [CannedText.GroundingCaveat] = "Я не вполне уверен, что это описано в документации. Хотите, чтобы я связал вас с сотрудником поддержки?",
            [CannedText.LeakRefusal] = "Я не могу этим поделиться.",
            [CannedText.ErrorUnavailable] = "Ассистент временно недоступен. Пожалуйста, повторите попытку чуть позже.",
            [CannedText.ErrorRejected] = "Я не могу обработать это сообщение. Пожалуйста, переформулируйте его.",
            [CannedText.ErrorInternal] = "На нашей стороне что-то пошло не так. Пожалуйста, попробуйте ещё раз.",
            [CannedText.LinkSafetyTitle] = "Открыть внешнюю ссылку?",
            [CannedText.LinkSafetyBody] = "Вы переходите на {hostname}. Продолжить?",
            [CannedText.LinkSafetyContinue] = "Открыть",
            [CannedText.LinkSafetyCancel] = "Отмена",
        }.ToFrozenDictionary();
    }
}
