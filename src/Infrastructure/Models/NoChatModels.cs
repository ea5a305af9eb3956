using Chat9.Application.Common.Interfaces;

namespace Chat9.Infrastructure.Models;

/// <summary>The answer model when none is configured (<c>Models:Provider = none</c> or no <c>Models:AnswerModel</c>): the
/// extractive answerer answers instead.</summary>
public sealed class NoAnswerModel : IAnswerModel
{
    public bool IsConfigured => false;

    public string? ModelName => null;

    public IAsyncEnumerable<AnswerDelta> StreamAsync(AnswerRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No answer model is configured (Models:Provider is none or Models:AnswerModel is empty).");
}

/// <summary>The guard model when none is configured: every check answers <c>null</c>, so local rules decide alone.</summary>
public sealed class NoGuardModel : IGuardModel
{
    public bool IsConfigured => false;

    public string? ModelName => null;

    public Task<GuardClassification?> ClassifyAsync(string message, string productContext, CancellationToken cancellationToken) =>
        Task.FromResult<GuardClassification?>(null);

    public Task<GroundingVerdict?> CheckGroundingAsync(string answer, IReadOnlyList<string> context, CancellationToken cancellationToken) =>
        Task.FromResult<GroundingVerdict?>(null);

    public Task<Translation?> TranslateAsync(string text, string language, CancellationToken cancellationToken) =>
        Task.FromResult<Translation?>(null);
}
