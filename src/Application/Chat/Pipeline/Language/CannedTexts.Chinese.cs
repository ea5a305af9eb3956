using System.Collections.Frozen;

namespace Chat9.Application.Chat.Pipeline.Language;

public static partial class CannedTexts
{
    /// <summary>Chinese (Simplified).</summary>
    private static class Chinese
    {
        public static readonly IReadOnlyDictionary<CannedText, string> Texts = new Dictionary<CannedText, string>
        {
            [CannedText.GreetingBuiltIn] = "您好！我是 {bot_name} 助手。关于 {product_name} 的任何问题都可以问我。",
            [CannedText.GreetingBuiltInNamed] = "{user_name}，您好！我是 {bot_name} 助手。关于 {product_name} 的任何问题都可以问我。",
            [CannedText.ExtractiveLeadIn] = "文档中是这样说的：",
            [CannedText.NoDocuments] = "我目前还没有可以用来回答问题的文档。",
            [CannedText.LowConfidence] = "我在文档中没有找到相关内容。您能换一种方式提问吗？",
            [CannedText.OfferHuman] = "需要我为您联系我们支持团队的工作人员吗？",
            [CannedText.HumanUnavailable] = "此聊天不提供人工支持，但我很乐意继续解答您关于 {product_name} 的问题。",
            [CannedText.EmailRequest] = "我可以为您联系我们的支持团队。他们应该回复到哪个电子邮件地址？",
            [CannedText.TicketOpenedWithEmail] = "我已将此问题转交给我们的支持团队（工单 {ticket_number}）。他们会回复到 {email}。",
            [CannedText.TicketOpenedWithoutEmail] = "我已将此问题转交给我们的支持团队（工单 {ticket_number}）。他们可以看到这段对话，但没有电子邮件地址就无法回复您。",
            [CannedText.RefusedInjection] = "我只能解答关于 {product_name} 的问题。",
            [CannedText.RefusedAbuse] = "请保持相互尊重。我很乐意解答关于 {product_name} 的问题。",
            [CannedText.OffTopic] = "我只能解答关于 {product_name} 的问题。关于它，有什么我可以帮您的吗？",
            [CannedText.SmalltalkHello] = "您好！您想了解 {product_name} 的哪些内容？",
            [CannedText.SmalltalkThanks] = "不客气！还有什么可以帮您的吗？",
            [CannedText.GroundingCaveat] = "我不能完全确定文档涵盖了这个问题。需要我为您联系人工客服吗？",
            [CannedText.LeakRefusal] = "我无法分享这些内容。",
            [CannedText.ErrorUnavailable] = "助手暂时不可用，请稍后再试。",
            [CannedText.ErrorRejected] = "我无法处理这条消息，请换一种说法。",
            [CannedText.ErrorInternal] = "我们这边出了点问题，请重试。",
            [CannedText.LinkSafetyTitle] = "打开外部链接？",
            [CannedText.LinkSafetyBody] = "您将前往 {hostname}。是否继续？",
            [CannedText.LinkSafetyContinue] = "打开",
            [CannedText.LinkSafetyCancel] = "取消",
        }.ToFrozenDictionary();
    }
}
