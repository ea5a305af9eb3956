using Mediator;

namespace Chat9.Application.Gaps.RecalculateGaps;

// In progress (issue 6).
public sealed class RecalculateGapsCommandHandler : ICommandHandler<RecalculateGapsCommand>
{
    public ValueTask<Unit> Handle(RecalculateGapsCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(Unit.Value);
}
