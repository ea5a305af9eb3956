using Chat9.Application.Bots.Common;
using Mediator;

namespace Chat9.Application.Bots.EnableBot;

public sealed record EnableBotCommand(string PublicId) : ICommand<BotStatusDto>;
