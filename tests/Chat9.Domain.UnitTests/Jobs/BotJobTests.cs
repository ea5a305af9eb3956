using Chat9.Domain.Common;
using Chat9.Domain.Jobs;
using static Chat9.Domain.UnitTests.Common.Moments;

namespace Chat9.Domain.UnitTests.Jobs;

public sealed class BotJobTests
{
    private static readonly Guid BotId = Guid.NewGuid();
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Test]
    public void A_queued_job_waits_until_it_is_due()
    {
        var job = BotJob.Queue(BotId, BotJobKind.ProfileExtraction, Now.AddMinutes(1), Now);

        Assert.That(job.IsClaimable(Now), Is.False);
        Assert.That(job.IsClaimable(Now.AddMinutes(1)), Is.True);
        Assert.That(() => job.Claim("w1", Now, Lease), Throws.TypeOf<DomainException>());
    }

    [Test]
    public void A_claimed_job_belongs_to_its_worker_until_the_lease_expires()
    {
        var job = BotJob.Queue(BotId, BotJobKind.GapRecalculation, Now, Now);

        Assert.That(job.Claim("w1", Now, Lease), Is.True);
        Assert.That(job.Status, Is.EqualTo(BotJobStatus.Running));
        Assert.That(job.IsClaimable(Now.AddSeconds(59)), Is.False);
        Assert.That(() => job.Succeed("w2", Now), Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Code)).EqualTo("lease_lost"));

        Assert.That(job.IsClaimable(Now.AddMinutes(1)), Is.True, "the worker is gone: another one takes over");
        Assert.That(job.Claim("w2", Now.AddMinutes(1), Lease), Is.True);
        job.Succeed("w2", Now.AddMinutes(2));
        Assert.That(job.Status, Is.EqualTo(BotJobStatus.Succeeded));
        Assert.That(job.FinishedAt, Is.EqualTo(Now.AddMinutes(2)));
        Assert.That(job.LeaseOwner, Is.Null);
        Assert.That(job.IsPending, Is.False);
    }

    [Test]
    public void A_job_that_keeps_losing_its_worker_fails_after_the_attempt_limit()
    {
        var job = BotJob.Queue(BotId, BotJobKind.FaqGeneration, Now, Now);
        var at = Now;
        for (var attempt = 1; attempt <= BotJob.MaxAttempts; attempt++)
        {
            Assert.That(job.Claim($"w{attempt}", at, Lease), Is.True);
            at += Lease;
        }

        Assert.That(job.Claim("last", at, Lease), Is.False);
        Assert.That(job.Status, Is.EqualTo(BotJobStatus.Failed));
        Assert.That(job.Error, Does.Contain("attempts"));
    }

    [Test]
    public void A_failure_keeps_a_bounded_error()
    {
        var job = BotJob.Queue(BotId, BotJobKind.GapRecalculation, Now, Now);
        job.Claim("w1", Now, Lease);

        job.Fail("w1", new string('e', 2000), Now);

        Assert.That(job.Status, Is.EqualTo(BotJobStatus.Failed));
        Assert.That(job.Error!.Length, Is.LessThanOrEqualTo(BotJob.ErrorMaxChars));
    }
}
