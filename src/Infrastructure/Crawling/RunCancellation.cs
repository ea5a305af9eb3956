namespace Chat9.Infrastructure.Crawling;

/// <summary>
/// The two ways a crawl is cancelled: by the caller (the exception propagates) or by the run itself, at its time limit
/// (the crawl ends quietly with an event).
/// </summary>
/// <param name="Caller">The caller's token.</param>
/// <param name="Run">The caller's token linked with the time limit.</param>
internal sealed record RunCancellation(CancellationToken Caller, CancellationToken Run)
{
    /// <summary>The result of <paramref name="work"/> run under <see cref="Run"/>, or <c>null</c> when the time limit stopped it.</summary>
    public async Task<T?> UnlessStoppedAsync<T>(Func<CancellationToken, Task<T>> work)
        where T : class
    {
        try
        {
            return await work(Run);
        }
        catch (OperationCanceledException) when (Run.IsCancellationRequested && !Caller.IsCancellationRequested)
        {
            return null;
        }
    }
}
