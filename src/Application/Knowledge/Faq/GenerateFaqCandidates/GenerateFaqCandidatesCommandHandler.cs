using Mediator;

namespace Chat9.Application.Knowledge.Faq.GenerateFaqCandidates;

// Replaced by the FAQ suggestion work in progress (issue 6).
public sealed class GenerateFaqCandidatesCommandHandler : ICommandHandler<GenerateFaqCandidatesCommand>
{
    public ValueTask<Unit> Handle(GenerateFaqCandidatesCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(Unit.Value);
}
