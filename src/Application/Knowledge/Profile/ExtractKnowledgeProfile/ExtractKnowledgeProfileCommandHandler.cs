using Mediator;

namespace Chat9.Application.Knowledge.Profile.ExtractKnowledgeProfile;

// Replaced by the profile extraction work in progress (issue 6).
public sealed class ExtractKnowledgeProfileCommandHandler : ICommandHandler<ExtractKnowledgeProfileCommand>
{
    public ValueTask<Unit> Handle(ExtractKnowledgeProfileCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(Unit.Value);
}
