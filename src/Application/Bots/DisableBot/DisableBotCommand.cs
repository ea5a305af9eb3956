using Chat9.Application.Bots.Common;
using Mediator;

namespace Chat9.Application.Bots.DisableBot;

public sealed record DisableBotCommand(string PublicId) : ICommand<BotStatusDto>;
