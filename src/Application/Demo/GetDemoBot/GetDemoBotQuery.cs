using Mediator;

namespace Chat9.Application.Demo.GetDemoBot;

/// <summary>The demo bot, or <c>null</c> when there is none.</summary>
public sealed record GetDemoBotQuery : IQuery<DemoBotDto?>;

public sealed record DemoBotDto(string PublicId, string Name, bool IsActive);
