using System.Text;
using Chat9.Domain.ApiKeys;
using Chat9.Domain.ApiKeys.Events;
using Chat9.Domain.Common;
using Chat9.Domain.UnitTests.Common;
using static Chat9.Domain.UnitTests.Common.Moments;

namespace Chat9.Domain.UnitTests.ApiKeys;

public sealed class ApiKeyTests
{
    private static readonly Guid BotId = Guid.Parse("0196a0c4-7d2e-7b41-9a0e-3f5c2d1e8b77");
    private static readonly TimeSpan Grace = TimeSpan.FromHours(24);

    private static ApiKey NewKey()
    {
        var (key, _) = ApiKey.Issue(BotId, Now);
        key.ClearDomainEvents();
        return key;
    }

    // ---- ApiKeySecret -----------------------------------------------------------------------------------------

    [Test]
    public void New_WhenCalled_IsCkPlus43UrlSafeBase64Characters()
    {
        var plaintext = ApiKeySecret.New();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plaintext, Does.StartWith("ck_"));
            Assert.That(plaintext, Has.Length.EqualTo(46));
            Assert.That(plaintext, Does.Match("^ck_[A-Za-z0-9_-]{43}$"));
            Assert.That(ApiKeySecret.LooksLikeKey(plaintext), Is.True);
        }
    }

    [Test]
    public void New_WhenCalledTwice_GivesDifferentKeys()
    {
        var first = ApiKeySecret.New();
        var second = ApiKeySecret.New();

        Assert.That(second, Is.Not.EqualTo(first));
    }

    [Test]
    public void New_WhenDecoded_Carries32RandomBytes()
    {
        var body = ApiKeySecret.New()[3..].Replace('-', '+').Replace('_', '/') + "=";

        Assert.That(Convert.FromBase64String(body), Has.Length.EqualTo(32));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("ck_")]
    [TestCase("ck_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 42
    [TestCase("ck_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 44
    [TestCase("xk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("CK_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("ck_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    [TestCase("ck_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [TestCase("ck_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ")]
    public void LooksLikeKey_WhenNotCkPlus43UrlSafeCharacters_ReturnsFalse(string? value) =>
        Assert.That(ApiKeySecret.LooksLikeKey(value), Is.False);

    [Test]
    public void LooksLikeKey_WhenCkPlus43UrlSafeCharacters_ReturnsTrue() =>
        Assert.That(ApiKeySecret.LooksLikeKey("ck_" + new string('a', 20) + "-_" + new string('Z', 21)), Is.True);

    [TestCase("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [TestCase("é", "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c")]
    [TestCase("ck_example", "bcfd477840d680ae099179d28ee526f9c8046ea6146b7bd80b2f0eca68d06972")]
    public void Hash_WhenGivenText_IsSha256OfItsUtf8Bytes(string plaintext, string expectedHex)
    {
        var hash = ApiKeySecret.Hash(plaintext);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hash, Has.Length.EqualTo(ApiKeySecret.HashBytes));
            Assert.That(Convert.ToHexStringLower(hash), Is.EqualTo(expectedHex));
        }
    }

    [Test]
    public void Hash_WhenKeysDiffer_Differs()
    {
        var first = ApiKeySecret.New();
        var second = ApiKeySecret.New();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ApiKeySecret.Hash(first), Is.Not.EqualTo(ApiKeySecret.Hash(second)));
            Assert.That(ApiKeySecret.Hash(first), Is.EqualTo(ApiKeySecret.Hash(new string(first.AsSpan()))));
        }
    }

    // ---- Issue ------------------------------------------------------------------------------------------------

    [Test]
    public void Issue_WhenBotIdIsSet_StoresHashAndLast4OfThePlaintext()
    {
        var (key, plaintext) = ApiKey.Issue(BotId, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ApiKeySecret.LooksLikeKey(plaintext), Is.True);
            Assert.That(key.Hash, Is.EqualTo(ApiKeySecret.Hash(plaintext)));
            Assert.That(key.Last4, Is.EqualTo(plaintext[^4..]));
            Assert.That(key.BotId, Is.EqualTo(BotId));
            Assert.That(key.Status, Is.EqualTo(ApiKeyStatus.Active));
            Assert.That(key.CreatedAt, Is.EqualTo(Now));
            Assert.That(key.LastUsedAt, Is.Null);
            Assert.That(key.ExpiresAt, Is.Null);
            Assert.That(key.RevokedAt, Is.Null);
        }
    }

    [Test]
    public void Issue_WhenBotIdIsSet_NeverKeepsThePlaintext()
    {
        var (key, plaintext) = ApiKey.Issue(BotId, Now);

        var storedStrings = typeof(ApiKey).GetProperties()
            .Where(p => p.PropertyType == typeof(string))
            .Select(p => (string?)p.GetValue(key))
            .OfType<string>()
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(storedStrings, Is.Not.Empty);
            Assert.That(storedStrings, Has.None.Contains(plaintext[3..]));
            Assert.That(key.Hash, Is.Not.EqualTo(Encoding.UTF8.GetBytes(plaintext)));
        }
    }

    [Test]
    public void Issue_WhenBotIdIsSet_RaisesApiKeyIssued()
    {
        var (key, _) = ApiKey.Issue(BotId, Now);

        var issued = DomainAssert.Raised<ApiKeyIssued>(key);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(issued.ApiKeyId, Is.EqualTo(key.Id));
            Assert.That(issued.BotId, Is.EqualTo(BotId));
        }
    }

    [Test]
    public void Issue_WhenBotIdIsEmpty_ThrowsValidationForBotId() =>
        DomainAssert.ThrowsValidation("bot_id", () => ApiKey.Issue(Guid.Empty, Now));

    // ---- Status, rotation, revocation -------------------------------------------------------------------------

    [Test]
    public void StatusAt_WhenActive_IsActiveAndUsable()
    {
        var key = NewKey();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key.StatusAt(Now.AddYears(1)), Is.EqualTo(ApiKeyStatus.Active));
            Assert.That(key.IsUsableAt(Now.AddYears(1)), Is.True);
        }
    }

    [Test]
    public void StartRevoking_WhenActive_KeyStaysUsableUntilExpiryThenCountsAsRevoked()
    {
        var key = NewKey();

        key.StartRevoking(Now, Grace);

        var started = DomainAssert.Raised<ApiKeyRotationStarted>(key);
        var expiry = Now + Grace;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(key.Status, Is.EqualTo(ApiKeyStatus.Revoking));
            Assert.That(key.ExpiresAt, Is.EqualTo(expiry));
            Assert.That(started.ExpiresAt, Is.EqualTo(expiry));
            Assert.That(key.StatusAt(expiry - TimeSpan.FromSeconds(1)), Is.EqualTo(ApiKeyStatus.Revoking));
            Assert.That(key.IsUsableAt(expiry - TimeSpan.FromSeconds(1)), Is.True);
            Assert.That(key.StatusAt(expiry), Is.EqualTo(ApiKeyStatus.Revoked));
            Assert.That(key.IsUsableAt(expiry), Is.False);
            Assert.That(key.StatusAt(expiry.AddDays(1)), Is.EqualTo(ApiKeyStatus.Revoked));
        }
    }

    [Test]
    public void StartRevoking_WhenRevoked_ThrowsKeyNotActive()
    {
        var key = NewKey();
        key.Revoke(Now);

        var exception = DomainAssert.ThrowsCode("key_not_active", () => key.StartRevoking(Now.AddMinutes(1), Grace));
        Assert.That(exception, Is.TypeOf<DomainException>());
    }

    [Test]
    public void StartRevoking_WhenAlreadyRevoking_ThrowsKeyNotActive()
    {
        var key = NewKey();
        key.StartRevoking(Now, Grace);

        DomainAssert.ThrowsCode("key_not_active", () => key.StartRevoking(Now.AddMinutes(1), Grace));
        Assert.That(key.ExpiresAt, Is.EqualTo(Now + Grace));
    }

    [Test]
    public void Revoke_WhenActive_RevokesNowAndRaisesApiKeyRevoked()
    {
        var key = NewKey();

        key.Revoke(Now.AddHours(1));

        var revoked = DomainAssert.Raised<ApiKeyRevoked>(key);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(key.Status, Is.EqualTo(ApiKeyStatus.Revoked));
            Assert.That(key.RevokedAt, Is.EqualTo(Now.AddHours(1)));
            Assert.That(key.IsUsableAt(Now.AddHours(1)), Is.False);
            Assert.That(revoked.ApiKeyId, Is.EqualTo(key.Id));
        }
    }

    [Test]
    public void Revoke_WhenAlreadyRevoked_IsIdempotent()
    {
        var key = NewKey();
        key.Revoke(Now);
        key.ClearDomainEvents();

        key.Revoke(Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key.Status, Is.EqualTo(ApiKeyStatus.Revoked));
            Assert.That(key.RevokedAt, Is.EqualTo(Now));
            Assert.That(key.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void Revoke_WhenRevokingAndStillInGrace_RevokesImmediately()
    {
        var key = NewKey();
        key.StartRevoking(Now, Grace);
        key.ClearDomainEvents();

        key.Revoke(Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key.Status, Is.EqualTo(ApiKeyStatus.Revoked));
            Assert.That(key.RevokedAt, Is.EqualTo(Now.AddHours(1)));
            Assert.That(key.ExpiresAt, Is.Null);
            Assert.That(key.IsUsableAt(Now.AddHours(1)), Is.False);
            DomainAssert.Raised<ApiKeyRevoked>(key);
        }
    }

    [Test]
    public void Revoke_WhenRotationGraceHasLapsed_SettlesAsRevokedAtExpiryWithoutEvent()
    {
        var key = NewKey();
        key.StartRevoking(Now, Grace);
        key.ClearDomainEvents();

        key.Revoke(Now.AddDays(3));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key.Status, Is.EqualTo(ApiKeyStatus.Revoked));
            Assert.That(key.RevokedAt, Is.EqualTo(Now + Grace));
            Assert.That(key.DomainEvents, Is.Empty);
        }
    }

    // ---- Last use ---------------------------------------------------------------------------------------------

    [Test]
    public void RecordUse_WhenCalledRepeatedly_WritesAtMostOncePerMinute()
    {
        var key = NewKey();

        var first = key.RecordUse(Now);
        var withinMinute = key.RecordUse(Now.AddSeconds(59));
        var lastUsedAfterSecondCall = key.LastUsedAt;
        var afterMinute = key.RecordUse(Now.AddMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.True);
            Assert.That(withinMinute, Is.False);
            Assert.That(lastUsedAfterSecondCall, Is.EqualTo(Now));
            Assert.That(afterMinute, Is.True);
            Assert.That(key.LastUsedAt, Is.EqualTo(Now.AddMinutes(1)));
        }
    }
}
