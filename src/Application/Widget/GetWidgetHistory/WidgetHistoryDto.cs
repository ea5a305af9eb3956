using System.Text.Json.Serialization;
using Chat9.Domain.Sessions;

namespace Chat9.Application.Widget.GetWidgetHistory;

public sealed record WidgetHistoryDto(Guid SessionId, IReadOnlyList<WidgetMessageDto> Messages, bool ChatEnded, string? TicketNumber);

/// <param name="Role"><c>user</c> or <c>assistant</c>.</param>
/// <param name="Sources">Assistant messages only; omitted when empty.</param>
/// <param name="Interrupted">Present (and true) only for an answer that was cut short.</param>
public sealed record WidgetMessageDto(
    Guid Id,
    string Role,
    string Content,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SourceReference>? Sources,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Interrupted)
{
    public static WidgetMessageDto From(Message message) => new(
        message.Id,
        message.Role == MessageRole.User ? "user" : "assistant",
        message.Content,
        message.CreatedAt,
        message.Role == MessageRole.Assistant && message.Sources.Count > 0 ? message.Sources : null,
        message.Interrupted ? true : null);
}
