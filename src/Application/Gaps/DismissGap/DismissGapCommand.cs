using Chat9.Application.Gaps.Common;
using Mediator;

namespace Chat9.Application.Gaps.DismissGap;

/// <summary><c>POST /gap-analyzer/{id}/dismiss</c>: the operator decides the gap needs no work; later questions only raise its count.</summary>
public sealed record DismissGapCommand(Guid BotId, Guid GapId, string? Reason) : ICommand<GapDto>;
