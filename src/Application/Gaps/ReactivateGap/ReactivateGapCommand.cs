using Chat9.Application.Gaps.Common;
using Mediator;

namespace Chat9.Application.Gaps.ReactivateGap;

/// <summary><c>POST /gap-analyzer/{id}/reactivate</c>: a dismissed or resolved gap becomes active again.</summary>
public sealed record ReactivateGapCommand(Guid BotId, Guid GapId) : ICommand<GapDto>;
