namespace Chat9.Domain.Common.Persistence;

public static class UnitOfWorkRetries
{
    /// <summary>
    /// Runs <paramref name="attempt"/> (its reads, its change and its save) again from fresh reads while the save loses
    /// to another writer (<see cref="ConcurrencyConflictException"/>), up to <paramref name="maxAttempts"/> times; the
    /// last attempt's conflict is thrown.
    /// </summary>
    public static async Task<T> RetryOnConflictAsync<T>(this IUnitOfWork unitOfWork, int maxAttempts, Func<Task<T>> attempt)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt();
            }
            catch (ConcurrencyConflictException) when (number < maxAttempts)
            {
                unitOfWork.DiscardChanges();
            }
        }
    }
}
