using System.Collections.Frozen;

namespace Chat9.Application.Chat.Pipeline.Language;

public static partial class CannedTexts
{
    /// <summary>Ukrainian (ви).</summary>
    private static class Ukrainian
    {
        public static readonly IReadOnlyDictionary<CannedText, string> Texts = new Dictionary<CannedText, string>
        {
            [CannedText.GreetingBuiltIn] = "Вітаю! Я асистент {bot_name}. Запитайте мене про будь-що щодо {product_name}.",
            [CannedText.GreetingBuiltInNamed] = "Вітаю, {user_name}! Я асистент {bot_name}. Запитайте мене про будь-що щодо {product_name}.",
            [CannedText.ExtractiveLeadIn] = "Ось що сказано в документації:",
            [CannedText.NoDocuments] = "У мене ще немає документації, на основі якої я міг би відповідати.",
            [CannedText.LowConfidence] = "Я не знайшов цього в документації. Чи не могли б ви переформулювати запитання?",
            [CannedText.OfferHuman] = "Бажаєте, щоб я зв’язав вас із працівником нашої служби підтримки?",
            [CannedText.HumanUnavailable] = "Зв’язатися з працівником підтримки в цьому чаті неможливо, але я із задоволенням і далі допомагатиму з вашими запитаннями щодо {product_name}.",
            [CannedText.EmailRequest] = "Я можу зв’язати вас із нашою службою підтримки. На яку адресу електронної пошти вам відповісти?",
            [CannedText.TicketOpenedWithEmail] = "Я передав ваш запит нашій службі підтримки (заявка {ticket_number}). Відповідь надійде на {email}.",
            [CannedText.TicketOpenedWithoutEmail] = "Я передав ваш запит нашій службі підтримки (заявка {ticket_number}). Працівники бачать цю розмову, але без адреси електронної пошти не зможуть вам відповісти.",
            [CannedText.RefusedInjection] = "Я можу допомогти лише з питаннями щодо {product_name}.",
            [CannedText.RefusedAbuse] = "Давайте спілкуватися шанобливо. Я із задоволенням допоможу з питаннями щодо {product_name}.",
            [CannedText.OffTopic] = "Я можу допомогти лише з питаннями щодо {product_name}. Чи є щось на цю тему, з чим я можу допомогти?",
            [CannedText.SmalltalkHello] = "Вітаю! Що ви хотіли б дізнатися про {product_name}?",
            [CannedText.SmalltalkThanks] = "Будь ласка! Чи можу я ще чимось допомогти?",
            [CannedText.GroundingCaveat] = "Я не зовсім певен, що документація це охоплює. Бажаєте, щоб я зв’язав вас із працівником підтримки?",
            [CannedText.LeakRefusal] = "Я не можу цим поділитися.",
            [CannedText.ErrorUnavailable] = "Асистент тимчасово недоступний. Спробуйте ще раз трохи згодом.",
            [CannedText.ErrorRejected] = "Я не можу обробити це повідомлення. Будь ласка, переформулюйте його.",
            [CannedText.ErrorInternal] = "На нашому боці щось пішло не так. Спробуйте ще раз.",
            [CannedText.LinkSafetyTitle] = "Відкрити зовнішнє посилання?",
            [CannedText.LinkSafetyBody] = "Ви переходите на {hostname}. Продовжити?",
            [CannedText.LinkSafetyContinue] = "Відкрити",
            [CannedText.LinkSafetyCancel] = "Скасувати",
        }.ToFrozenDictionary();
    }
}
