using Mediator;

namespace Chat9.Application.Bots.GetBot;

/// <summary>The settings of the bot the caller's key belongs to.</summary>
public sealed record GetBotQuery(Guid BotId) : IQuery<BotDto>;
