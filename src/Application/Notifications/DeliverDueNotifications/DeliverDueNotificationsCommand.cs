using Mediator;

namespace Chat9.Application.Notifications.DeliverDueNotifications;

/// <summary>One pass of the delivery worker: attempts every due webhook delivery once. Returns how many were attempted.</summary>
public sealed record DeliverDueNotificationsCommand(int MaxDeliveries = 20) : ICommand<int>;
