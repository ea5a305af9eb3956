using Chat9.Application.Knowledge.Profile.Common;
using Mediator;

namespace Chat9.Application.Knowledge.Profile.GetKnowledgeProfile;

/// <summary><c>GET /knowledge/profile</c>: the bot's knowledge profile with its extraction status.</summary>
public sealed record GetKnowledgeProfileQuery(Guid BotId) : IQuery<KnowledgeProfileDto>;
