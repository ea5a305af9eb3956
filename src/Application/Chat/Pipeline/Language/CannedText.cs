namespace Chat9.Application.Chat.Pipeline.Language;

/// <summary>
/// The fixed texts of the chat (pipeline.md "Language"): replies that need no model and therefore ship translated into
/// every supported language. Placeholders in braces are filled in by <see cref="CannedTexts.Get"/>.
/// </summary>
public enum CannedText
{
    /// <summary>Built-in greeting: <c>{bot_name}</c>, <c>{product_name}</c>.</summary>
    GreetingBuiltIn,

    /// <summary>Built-in greeting when the visitor's name is known: <c>{user_name}</c>, <c>{bot_name}</c>, <c>{product_name}</c>.</summary>
    GreetingBuiltInNamed,

    /// <summary>The extractive answerer's line before the quoted passages.</summary>
    ExtractiveLeadIn,

    /// <summary>Outcome <c>no_documents</c>.</summary>
    NoDocuments,

    /// <summary>Outcome <c>low_confidence</c>.</summary>
    LowConfidence,

    /// <summary>Appended to <c>no_documents</c> and <c>low_confidence</c> replies when escalation is enabled.</summary>
    OfferHuman,

    /// <summary>The reply to a human request when escalation is disabled: <c>{product_name}</c>.</summary>
    HumanUnavailable,

    /// <summary>Outcome <c>email_request</c>.</summary>
    EmailRequest,

    /// <summary>Ticket confirmation with a contact: <c>{ticket_number}</c>, <c>{email}</c>.</summary>
    TicketOpenedWithEmail,

    /// <summary>Ticket confirmation without a contact: <c>{ticket_number}</c>.</summary>
    TicketOpenedWithoutEmail,

    /// <summary>Refusal of a prompt-injection attempt: <c>{product_name}</c>.</summary>
    RefusedInjection,

    /// <summary>Boundary reply to abuse: <c>{product_name}</c>.</summary>
    RefusedAbuse,

    /// <summary>Outcome <c>off_topic</c>: <c>{product_name}</c>.</summary>
    OffTopic,

    /// <summary>Reply to a greeting: <c>{product_name}</c>.</summary>
    SmalltalkHello,

    /// <summary>Reply to thanks or an acknowledgement.</summary>
    SmalltalkThanks,

    /// <summary>Appended when the grounding check fails.</summary>
    GroundingCaveat,

    /// <summary>Appended when the leak guard stops the output.</summary>
    LeakRefusal,

    /// <summary>SSE <c>error</c> message for 503.</summary>
    ErrorUnavailable,

    /// <summary>SSE <c>error</c> message for a message the model provider rejects.</summary>
    ErrorRejected,

    /// <summary>SSE <c>error</c> message for 500.</summary>
    ErrorInternal,

    /// <summary>Link-safety dialog title (<c>link_safety_labels.title</c>).</summary>
    LinkSafetyTitle,

    /// <summary>Link-safety dialog body; keeps the literal <c>{hostname}</c> that the widget fills in.</summary>
    LinkSafetyBody,

    /// <summary>Link-safety dialog confirm button (<c>continue_label</c>).</summary>
    LinkSafetyContinue,

    /// <summary>Link-safety dialog cancel button (<c>cancel_label</c>).</summary>
    LinkSafetyCancel,
}
