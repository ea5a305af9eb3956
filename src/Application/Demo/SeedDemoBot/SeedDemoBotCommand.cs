using Mediator;

namespace Chat9.Application.Demo.SeedDemoBot;

/// <summary>
/// Creates the demo bot "Chat9 Demo" with the shipped sample documents queued for indexing, unless one exists.
/// <see cref="Reset"/> deletes the existing demo bot (and all its data) first. <see cref="BaseUrl"/> is where the
/// server publishes the rendered samples, so demo answers can cite them.
/// </summary>
public sealed record SeedDemoBotCommand(bool Reset, string BaseUrl) : ICommand<DemoSeedResultDto>;

/// <summary><see cref="ApiKey"/> is <c>null</c> when the demo bot already existed: keys are shown only once.</summary>
public sealed record DemoSeedResultDto(string PublicId, string? ApiKey, string DemoUrl, bool Created);
