using Chat9.Domain.Common;
using Chat9.Domain.Notifications;

namespace Chat9.Domain.UnitTests.Notifications;

public sealed class NotificationDeliveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan[] Schedule = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)];

    [Test]
    public void A_new_delivery_is_due_at_once()
    {
        var delivery = NotificationDelivery.ForTicket(Guid.NewGuid(), Guid.NewGuid(), NotificationChannel.Webhook, "ticket.created", Now);

        Assert.That(delivery.Status, Is.EqualTo(DeliveryStatus.Pending));
        Assert.That(delivery.NextAttemptAt, Is.EqualTo(Now));
        Assert.That(delivery.Attempts, Is.Zero);
    }

    [Test]
    public void Failures_follow_the_schedule_and_end_failed_after_one_attempt_more_than_delays()
    {
        var delivery = NotificationDelivery.ForTicket(Guid.NewGuid(), Guid.NewGuid(), NotificationChannel.Webhook, "ticket.created", Now);

        delivery.RecordAttempt(false, 500, "The receiver answered 500.", Now, Schedule);
        Assert.That(delivery.NextAttemptAt, Is.EqualTo(Now.AddMinutes(1)));
        delivery.RecordAttempt(false, null, "timeout", Now.AddMinutes(1), Schedule);
        Assert.That(delivery.NextAttemptAt, Is.EqualTo(Now.AddMinutes(6)));
        delivery.RecordAttempt(false, 502, "The receiver answered 502.", Now.AddMinutes(6), Schedule);

        Assert.That(delivery.Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(delivery.Attempts, Is.EqualTo(3));
        Assert.That(delivery.NextAttemptAt, Is.Null);
        Assert.That(delivery.LastResponseStatus, Is.EqualTo(502));
        Assert.Throws<DomainException>(() => delivery.RecordAttempt(true, 200, null, Now.AddHours(1), Schedule));
    }

    [Test]
    public void A_success_ends_the_delivery_and_the_payload_is_fixed_once()
    {
        var delivery = NotificationDelivery.ForTicket(Guid.NewGuid(), Guid.NewGuid(), NotificationChannel.Webhook, "ticket.updated", Now);

        Assert.That(delivery.FixPayload("{\"a\":1}"), Is.EqualTo("{\"a\":1}"));
        Assert.That(delivery.FixPayload("{\"a\":2}"), Is.EqualTo("{\"a\":1}"), "retries resend the first body");
        delivery.RecordAttempt(true, 204, null, Now, Schedule);

        Assert.That(delivery.Status, Is.EqualTo(DeliveryStatus.Delivered));
        Assert.That(delivery.NextAttemptAt, Is.Null);
        Assert.That(delivery.LastError, Is.Null);
    }

    [Test]
    public void Long_errors_are_cut()
    {
        var delivery = NotificationDelivery.ForTicket(Guid.NewGuid(), Guid.NewGuid(), NotificationChannel.Webhook, "ticket.created", Now);

        delivery.RecordAttempt(false, null, new string('e', 2000), Now, Schedule);

        Assert.That(delivery.LastError!.Length, Is.LessThanOrEqualTo(NotificationDelivery.ErrorMaxChars + 1));
    }
}
