using Mediator;

namespace Chat9.Application.Demo.GetDemoBot;

/// <summary>The public id of the demo bot, or <c>null</c> when there is none.</summary>
public sealed record GetDemoBotQuery : IQuery<string?>;
