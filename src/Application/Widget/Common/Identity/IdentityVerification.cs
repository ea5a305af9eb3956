using System.Diagnostics.CodeAnalysis;
using Chat9.Domain.Sessions;

namespace Chat9.Application.Widget.Common.Identity;

/// <summary>
/// The outcome of <see cref="IdentityTokenVerifier.Verify"/>: the verified visitor, or why the token was refused.
/// It never holds the token itself, so it is safe to log.
/// </summary>
public sealed record IdentityVerification
{
    private IdentityVerification(SessionUser? user, IdentityFailureReason? failure)
    {
        User = user;
        Failure = failure;
    }

    /// <summary>The visitor the token vouches for; set exactly when <see cref="Succeeded"/>.</summary>
    public SessionUser? User { get; }

    /// <summary>Why the token was refused; set exactly when not <see cref="Succeeded"/>.</summary>
    public IdentityFailureReason? Failure { get; }

    [MemberNotNullWhen(true, nameof(User))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => User is not null;

    public static IdentityVerification Success(SessionUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new IdentityVerification(user, null);
    }

    public static IdentityVerification Failed(IdentityFailureReason reason) => new(null, reason);
}
