using Chat9.Domain.Bots;

namespace Chat9.Application.Bots.Common;

public sealed record BotStatusDto(string PublicId, BotStatus Status);
