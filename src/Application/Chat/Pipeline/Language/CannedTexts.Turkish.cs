using System.Collections.Frozen;

namespace Chat9.Application.Chat.Pipeline.Language;

public static partial class CannedTexts
{
    /// <summary>Turkish (siz).</summary>
    private static class Turkish
    {
        public static readonly IReadOnlyDictionary<CannedText, string> Texts = new Dictionary<CannedText, string>
        {
            [CannedText.GreetingBuiltIn] = "Merhaba! Ben {bot_name} asistanıyım. {product_name} hakkında bana her şeyi sorabilirsiniz.",
            [CannedText.GreetingBuiltInNamed] = "Merhaba {user_name}! Ben {bot_name} asistanıyım. {product_name} hakkında bana her şeyi sorabilirsiniz.",
            [CannedText.ExtractiveLeadIn] = "Belgelerde şöyle yazıyor:",
            [CannedText.NoDocuments] = "Henüz yanıt verirken dayanabileceğim bir belge yok.",
            [CannedText.LowConfidence] = "Bunu belgelerde bulamadım. Sorunuzu farklı bir şekilde sorabilir misiniz?",
            [CannedText.OfferHuman] = "Sizi destek ekibimizden biriyle görüştürmemi ister misiniz?",
            [CannedText.HumanUnavailable] = "Bu sohbette canlı destek sunulmuyor, ancak {product_name} hakkındaki sorularınızda yardımcı olmaya memnuniyetle devam ederim.",
            [CannedText.EmailRequest] = "Sizi destek ekibimizle görüştürebilirim. Yanıtı hangi e-posta adresine göndermelerini istersiniz?",
            [CannedText.TicketOpenedWithEmail] = "Talebinizi destek ekibimize ilettim (talep {ticket_number}). Yanıtı {email} adresine gönderecekler.",
            [CannedText.TicketOpenedWithoutEmail] = "Talebinizi destek ekibimize ilettim (talep {ticket_number}). Ekip bu konuşmayı görebiliyor, ancak bir e-posta adresi olmadan size geri yazamaz.",
            [CannedText.RefusedInjection] = "Yalnızca {product_name} ile ilgili sorularda yardımcı olabilirim.",
            [CannedText.RefusedAbuse] = "Lütfen bu konuşmayı saygılı sürdürelim. {product_name} ile ilgili sorularınızda memnuniyetle yardımcı olurum.",
            [CannedText.OffTopic] = "Yalnızca {product_name} ile ilgili sorularda yardımcı olabilirim. Bu konuda size yardımcı olabileceğim bir şey var mı?",
            [CannedText.SmalltalkHello] = "Merhaba! {product_name} hakkında ne öğrenmek istersiniz?",
            [CannedText.SmalltalkThanks] = "Rica ederim! Size yardımcı olabileceğim başka bir şey var mı?",
            [CannedText.GroundingCaveat] = "Belgelerin bu konuyu kapsadığından tam emin değilim. Sizi destek ekibimizden biriyle görüştürmemi ister misiniz?",
            [CannedText.LeakRefusal] = "Bunu paylaşamam.",
            [CannedText.ErrorUnavailable] = "Asistan geçici olarak kullanılamıyor. Lütfen birazdan tekrar deneyin.",
            [CannedText.ErrorRejected] = "Bu mesajı işleyemiyorum. Lütfen farklı bir şekilde yazın.",
            [CannedText.ErrorInternal] = "Bizim tarafımızda bir sorun oluştu. Lütfen tekrar deneyin.",
            [CannedText.LinkSafetyTitle] = "Harici bağlantı açılsın mı?",
            [CannedText.LinkSafetyBody] = "{hostname} adresine gidiyorsunuz. Devam edilsin mi?",
            [CannedText.LinkSafetyContinue] = "Aç",
            [CannedText.LinkSafetyCancel] = "İptal",
        }.ToFrozenDictionary();
    }
}
