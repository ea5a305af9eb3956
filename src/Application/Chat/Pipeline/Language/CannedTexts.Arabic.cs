using System.Collections.Frozen;

namespace Chat9.Application.Chat.Pipeline.Language;

public static partial class CannedTexts
{
    /// <summary>Arabic (Modern Standard Arabic).</summary>
    private static class Arabic
    {
        public static readonly IReadOnlyDictionary<CannedText, string> Texts = new Dictionary<CannedText, string>
        {
            [CannedText.GreetingBuiltIn] = "مرحبًا! أنا مساعد {bot_name}. اسألني أي شيء عن {product_name}.",
            [CannedText.GreetingBuiltInNamed] = "مرحبًا {user_name}! أنا مساعد {bot_name}. اسألني أي شيء عن {product_name}.",
            [CannedText.ExtractiveLeadIn] = "إليك ما تقوله الوثائق:",
            [CannedText.NoDocuments] = "لا تتوفر لدي أي وثائق أستند إليها في الإجابة حتى الآن.",
            [CannedText.LowConfidence] = "لم أجد هذا في الوثائق. هل يمكنك إعادة صياغة سؤالك؟",
            [CannedText.OfferHuman] = "هل تريد أن أوصلك بأحد أفراد فريق الدعم لدينا؟",
            [CannedText.HumanUnavailable] = "الدعم البشري غير متاح في هذه المحادثة، لكن يسعدني مواصلة مساعدتك في أسئلتك حول {product_name}.",
            [CannedText.EmailRequest] = "يمكنني توصيلك بفريق الدعم لدينا. ما عنوان البريد الإلكتروني الذي يجب أن يردوا عليه؟",
            [CannedText.TicketOpenedWithEmail] = "لقد أحلت طلبك إلى فريق الدعم لدينا (التذكرة {ticket_number}). سيردون عليك على {email}.",
            [CannedText.TicketOpenedWithoutEmail] = "لقد أحلت طلبك إلى فريق الدعم لدينا (التذكرة {ticket_number}). يمكنهم الاطلاع على هذه المحادثة، لكن لا يمكنهم الرد عليك بدون عنوان بريد إلكتروني.",
            [CannedText.RefusedInjection] = "يمكنني المساعدة فقط في الأسئلة المتعلقة بـ {product_name}.",
            [CannedText.RefusedAbuse] = "لنحافظ على الاحترام في هذه المحادثة. يسعدني مساعدتك في الأسئلة المتعلقة بـ {product_name}.",
            [CannedText.OffTopic] = "يمكنني المساعدة فقط في الأسئلة المتعلقة بـ {product_name}. هل هناك شيء بخصوصه يمكنني مساعدتك فيه؟",
            [CannedText.SmalltalkHello] = "مرحبًا! ما الذي تود معرفته عن {product_name}؟",
            [CannedText.SmalltalkThanks] = "على الرحب والسعة! هل هناك أي شيء آخر يمكنني مساعدتك فيه؟",
            [CannedText.GroundingCaveat] = "لست متأكدًا تمامًا من أن الوثائق تغطي هذا. هل تريد أن أوصلك بأحد أفراد فريق الدعم؟",
            [CannedText.LeakRefusal] = "لا يمكنني مشاركة ذلك.",
            [CannedText.ErrorUnavailable] = "المساعد غير متاح مؤقتًا. يرجى المحاولة مرة أخرى بعد قليل.",
            [CannedText.ErrorRejected] = "لا يمكنني معالجة هذه الرسالة. يرجى إعادة صياغتها.",
            [CannedText.ErrorInternal] = "حدث خطأ من جانبنا. يرجى المحاولة مرة أخرى.",
            [CannedText.LinkSafetyTitle] = "فتح رابط خارجي؟",
            [CannedText.LinkSafetyBody] = "أنت على وشك الانتقال إلى {hostname}. هل تريد المتابعة؟",
            [CannedText.LinkSafetyContinue] = "فتح",
            [CannedText.LinkSafetyCancel] = "إلغاء",
        }.ToFrozenDictionary();
    }
}
