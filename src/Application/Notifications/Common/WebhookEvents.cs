using System.Text.Json;
using Chat9.Application.Common.Json;

namespace Chat9.Application.Notifications.Common;

/// <summary>The webhook body: <c>{id, type, created_at, bot_id, data}</c> in Chat9's JSON shape.</summary>
public static class WebhookEvents
{
    public const string TicketCreated = "ticket.created";
    public const string TicketUpdated = "ticket.updated";
    public const string Ping = "ping";

    public static string Body(Guid eventId, string type, DateTimeOffset createdAt, string botPublicId, object data) =>
        JsonSerializer.Serialize(new WebhookEnvelope(eventId, type, createdAt, botPublicId, data), Chat9Json.Options);

    private sealed record WebhookEnvelope(Guid Id, string Type, DateTimeOffset CreatedAt, string BotId, object Data);
}
