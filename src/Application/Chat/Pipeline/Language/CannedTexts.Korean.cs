using System.Collections.Frozen;

namespace Chat9.Application.Chat.Pipeline.Language;

public static partial class CannedTexts
{
    /// <summary>Korean (polite 해요체/합쇼체).</summary>
    private static class Korean
    {
        public static readonly IReadOnlyDictionary<CannedText, string> Texts = new Dictionary<CannedText, string>
        {
            [CannedText.GreetingBuiltIn] = "안녕하세요! {bot_name} 어시스턴트입니다. {product_name}에 대해 무엇이든 물어보세요.",
            [CannedText.GreetingBuiltInNamed] = "{user_name}님, 안녕하세요! {bot_name} 어시스턴트입니다. {product_name}에 대해 무엇이든 물어보세요.",
            [CannedText.ExtractiveLeadIn] = "문서에는 다음과 같이 나와 있습니다:",
            [CannedText.NoDocuments] = "아직 답변에 참고할 문서가 없습니다.",
            [CannedText.LowConfidence] = "문서에서 이 내용을 찾지 못했습니다. 질문을 다르게 표현해 주시겠어요?",
            [CannedText.OfferHuman] = "지원팀 상담원과 연결해 드릴까요?",
            [CannedText.HumanUnavailable] = "이 채팅에서는 상담원 지원을 이용할 수 없지만, {product_name}에 관한 질문은 계속 기꺼이 도와드리겠습니다.",
            [CannedText.EmailRequest] = "지원팀과 연결해 드릴 수 있습니다. 어느 이메일 주소로 답변을 받으시겠어요?",
            [CannedText.TicketOpenedWithEmail] = "지원팀에 전달했습니다(티켓 {ticket_number}). {email}(으)로 답변을 드릴 예정입니다.",
            [CannedText.TicketOpenedWithoutEmail] = "지원팀에 전달했습니다(티켓 {ticket_number}). 지원팀이 이 대화를 볼 수는 있지만, 이메일 주소가 없어 답장을 드릴 수 없습니다.",
            [CannedText.RefusedInjection] = "{product_name}에 관한 질문만 도와드릴 수 있습니다.",
            [CannedText.RefusedAbuse] = "서로 존중하며 대화해 주세요. {product_name}에 관한 질문은 기꺼이 도와드리겠습니다.",
            [CannedText.OffTopic] = "{product_name}에 관한 질문만 도와드릴 수 있습니다. 이와 관련해 도와드릴 일이 있을까요?",
            [CannedText.SmalltalkHello] = "안녕하세요! {product_name}에 대해 무엇이 궁금하신가요?",
            [CannedText.SmalltalkThanks] = "천만에요! 더 도와드릴 일이 있을까요?",
            [CannedText.GroundingCaveat] = "문서에서 이 내용을 다루고 있는지 확실하지 않습니다. 상담원과 연결해 드릴까요?",
            [CannedText.LeakRefusal] = "그 내용은 공유할 수 없습니다.",
            [CannedText.ErrorUnavailable] = "어시스턴트를 일시적으로 사용할 수 없습니다. 잠시 후 다시 시도해 주세요.",
            [CannedText.ErrorRejected] = "이 메시지는 처리할 수 없습니다. 다르게 표현해 주세요.",
            [CannedText.ErrorInternal] = "저희 쪽에서 문제가 발생했습니다. 다시 시도해 주세요.",
            [CannedText.LinkSafetyTitle] = "외부 링크를 여시겠습니까?",
            [CannedText.LinkSafetyBody] = "{hostname}(으)로 이동합니다. 계속하시겠습니까?",
            [CannedText.LinkSafetyContinue] = "열기",
            [CannedText.LinkSafetyCancel] = "취소",
        }.ToFrozenDictionary();
    }
}
