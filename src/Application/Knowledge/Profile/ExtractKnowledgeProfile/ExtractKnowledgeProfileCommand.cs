using Mediator;

namespace Chat9.Application.Knowledge.Profile.ExtractKnowledgeProfile;

/// <summary>Extracts the bot's knowledge profile from its documents, keeping the fields the operator edited (run by the job worker).</summary>
public sealed record ExtractKnowledgeProfileCommand(Guid BotId) : ICommand;
