using System.Collections.Frozen;

namespace Chat9.Application.Chat.Pipeline.Language;

public static partial class CannedTexts
{
    /// <summary>Japanese (polite です/ます).</summary>
    private static class Japanese
    {
        public static readonly IReadOnlyDictionary<CannedText, string> Texts = new Dictionary<CannedText, string>
        {
            [CannedText.GreetingBuiltIn] = "こんにちは！{bot_name} のアシスタントです。{product_name} について何でも聞いてください。",
            [CannedText.GreetingBuiltInNamed] = "{user_name} さん、こんにちは！{bot_name} のアシスタントです。{product_name} について何でも聞いてください。",
            [CannedText.ExtractiveLeadIn] = "ドキュメントには次のように書かれています：",
            [CannedText.NoDocuments] = "回答に使えるドキュメントがまだありません。",
            [CannedText.LowConfidence] = "ドキュメントに該当する情報が見つかりませんでした。質問を言い換えていただけますか？",
            [CannedText.OfferHuman] = "サポートチームの担当者におつなぎしましょうか？",
            [CannedText.HumanUnavailable] = "このチャットでは担当者によるサポートをご利用いただけませんが、{product_name} に関するご質問には引き続き喜んでお答えします。",
            [CannedText.EmailRequest] = "サポートチームにおつなぎできます。返信先のメールアドレスを教えていただけますか？",
            [CannedText.TicketOpenedWithEmail] = "サポートチームに引き継ぎました（チケット {ticket_number}）。{email} 宛てに返信いたします。",
            [CannedText.TicketOpenedWithoutEmail] = "サポートチームに引き継ぎました（チケット {ticket_number}）。担当者はこの会話を確認できますが、メールアドレスがないため返信できません。",
            [CannedText.RefusedInjection] = "{product_name} に関するご質問にのみお答えできます。",
            [CannedText.RefusedAbuse] = "お互いに敬意を持ってお話ししましょう。{product_name} に関するご質問には喜んでお答えします。",
            [CannedText.OffTopic] = "{product_name} に関するご質問にのみお答えできます。{product_name} について何かお手伝いできることはありますか？",
            [CannedText.SmalltalkHello] = "こんにちは！{product_name} について何を知りたいですか？",
            [CannedText.SmalltalkThanks] = "どういたしまして！ほかに何かお手伝いできることはありますか？",
            [CannedText.GroundingCaveat] = "ドキュメントにこの内容が記載されているか確信が持てません。担当者におつなぎしましょうか？",
            [CannedText.LeakRefusal] = "その内容はお伝えできません。",
            [CannedText.ErrorUnavailable] = "アシスタントは一時的に利用できません。しばらくしてからもう一度お試しください。",
            [CannedText.ErrorRejected] = "このメッセージは処理できません。言い換えてください。",
            [CannedText.ErrorInternal] = "こちら側で問題が発生しました。もう一度お試しください。",
            [CannedText.LinkSafetyTitle] = "外部リンクを開きますか？",
            [CannedText.LinkSafetyBody] = "{hostname} に移動します。続行しますか？",
            [CannedText.LinkSafetyContinue] = "開く",
            [CannedText.LinkSafetyCancel] = "キャンセル",
        }.ToFrozenDictionary();
    }
}
