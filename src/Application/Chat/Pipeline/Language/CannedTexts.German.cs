using System.Collections.Frozen;

namespace Chat9.Application.Chat.Pipeline.Language;

public static partial class CannedTexts
{
    /// <summary>German (Sie, as German customer support does).</summary>
    private static class German
    {
        public static readonly IReadOnlyDictionary<CannedText, string> Texts = new Dictionary<CannedText, string>
        {
            [CannedText.GreetingBuiltIn] = "Hallo! Ich bin der Assistent von {bot_name}. Fragen Sie mich alles zu {product_name}.",
            [CannedText.GreetingBuiltInNamed] = "Hallo {user_name}! Ich bin der Assistent von {bot_name}. Fragen Sie mich alles zu {product_name}.",
            [CannedText.ExtractiveLeadIn] = "Das steht in der Dokumentation:",
            [CannedText.NoDocuments] = "Ich habe noch keine Dokumentation, aus der ich antworten kann.",
            [CannedText.LowConfidence] = "Dazu habe ich in der Dokumentation nichts gefunden. Könnten Sie Ihre Frage anders formulieren?",
            [CannedText.OfferHuman] = "Möchten Sie, dass ich Sie mit einem Menschen aus unserem Support-Team verbinde?",
            [CannedText.HumanUnavailable] = "Persönlicher Support ist in diesem Chat nicht verfügbar, aber bei Fragen zu {product_name} helfe ich Ihnen gern weiter.",
            [CannedText.EmailRequest] = "Ich kann Sie mit unserem Support-Team verbinden. An welche E-Mail-Adresse soll die Antwort gehen?",
            [CannedText.TicketOpenedWithEmail] = "Ich habe Ihr Anliegen an unser Support-Team weitergegeben (Ticket {ticket_number}). Die Antwort kommt an {email}.",
            [CannedText.TicketOpenedWithoutEmail] = "Ich habe Ihr Anliegen an unser Support-Team weitergegeben (Ticket {ticket_number}). Das Team kann diese Unterhaltung sehen, Ihnen aber ohne E-Mail-Adresse nicht antworten.",
            [CannedText.RefusedInjection] = "Ich kann nur bei Fragen zu {product_name} helfen.",
            [CannedText.RefusedAbuse] = "Bleiben wir bitte respektvoll. Bei Fragen zu {product_name} helfe ich Ihnen gern.",
            [CannedText.OffTopic] = "Ich kann nur bei Fragen zu {product_name} helfen. Gibt es dazu etwas, bei dem ich Ihnen helfen kann?",
            [CannedText.SmalltalkHello] = "Hallo! Was möchten Sie über {product_name} wissen?",
            [CannedText.SmalltalkThanks] = "Gern geschehen! Kann ich Ihnen sonst noch helfen?",
            [CannedText.GroundingCaveat] = "Ich bin nicht ganz sicher, ob die Dokumentation das abdeckt. Möchten Sie, dass ich Sie mit einem Menschen verbinde?",
            [CannedText.LeakRefusal] = "Das kann ich nicht weitergeben.",
            [CannedText.ErrorUnavailable] = "Der Assistent ist vorübergehend nicht verfügbar. Bitte versuchen Sie es gleich noch einmal.",
            [CannedText.ErrorRejected] = "Diese Nachricht kann ich nicht verarbeiten. Bitte formulieren Sie sie um.",
            [CannedText.ErrorInternal] = "Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es noch einmal.",
            [CannedText.LinkSafetyTitle] = "Externen Link öffnen?",
            [CannedText.LinkSafetyBody] = "Sie wechseln zu {hostname}. Fortfahren?",
            [CannedText.LinkSafetyContinue] = "Öffnen",
            [CannedText.LinkSafetyCancel] = "Abbrechen",
        }.ToFrozenDictionary();
    }
}
