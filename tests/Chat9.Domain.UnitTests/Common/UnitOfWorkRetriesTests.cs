using Chat9.Domain.Common.Persistence;

namespace Chat9.Domain.UnitTests.Common;

public sealed class UnitOfWorkRetriesTests
{
    [Test]
    public async Task RetryOnConflictAsync_RunsAgainAfterAConflict_DiscardingTheChangesInBetween()
    {
        var unitOfWork = new CountingUnitOfWork();
        var attempts = 0;

        var result = await unitOfWork.RetryOnConflictAsync(5, () =>
            ++attempts < 3 ? throw new ConcurrencyConflictException("lost") : Task.FromResult(attempts));

        Assert.That((result, unitOfWork.Discards), Is.EqualTo((3, 2)));
    }

    [Test]
    public void RetryOnConflictAsync_ThrowsTheLastConflict_AfterMaxAttempts()
    {
        var unitOfWork = new CountingUnitOfWork();
        var attempts = 0;

        Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            unitOfWork.RetryOnConflictAsync<int>(3, () => throw new ConcurrencyConflictException($"lost {++attempts}")));
        Assert.That((attempts, unitOfWork.Discards), Is.EqualTo((3, 2)));
    }

    [Test]
    public void RetryOnConflictAsync_DoesNotRetryOtherFailures()
    {
        var unitOfWork = new CountingUnitOfWork();
        var attempts = 0;

        Assert.ThrowsAsync<InvalidOperationException>(() =>
            unitOfWork.RetryOnConflictAsync<int>(3, () => throw new InvalidOperationException($"broken {++attempts}")));
        Assert.That((attempts, unitOfWork.Discards), Is.EqualTo((1, 0)));
    }

    private sealed class CountingUnitOfWork : IUnitOfWork
    {
        public int Discards { get; private set; }

        public Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => Task.FromResult(0);

        public void DiscardChanges() => Discards++;
    }
}
