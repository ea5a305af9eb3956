using Mediator;

namespace Chat9.Application.Bots.TestWebhook;

/// <summary><c>POST /bot/webhook/test</c>: one signed <c>ping</c> event to the bot's <c>webhook_url</c> now, without retries.</summary>
public sealed record TestWebhookCommand(Guid BotId) : ICommand<WebhookTestDto>;

/// <param name="StatusCode">The receiver's status, or null when it did not answer.</param>
public sealed record WebhookTestDto(bool Delivered, int? StatusCode, string? Error, long DurationMs);
