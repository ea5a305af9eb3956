using System.Text;
using Chat9.Application.Widget.Common.Identity;
using Chat9.Domain.Sessions;
using static Chat9.Application.UnitTests.Widget.Identity.IdentityTokens;

namespace Chat9.Application.UnitTests.Widget.Identity;

/// <summary>identity.md: the worked example, the token's shape (check 2), the signature (check 3) and check 1.</summary>
public sealed class IdentityTokenVerifierTests
{
    private const string PreviousSecret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static readonly SessionUser Ana = new("u_1042", "ana@example.com", "Ana Lima", "pro", "pt-BR");

    [Test]
    public void Sign_DocumentedSnippet_ReproducesTheWorkedExampleToken()
    {
        Assert.That(Sign(ExampleSecret, ExamplePayload()), Is.EqualTo(ExampleToken));
    }

    [Test]
    public void SignSegment_PaddedSegment_ReproducesTheWorkedExamplePaddedToken()
    {
        Assert.That(SignSegment(ExampleSecret, ExampleSegment + "=="), Is.EqualTo(ExamplePaddedToken));
    }

    [Test]
    public void Verify_WorkedExampleFromIatMinusSkewToExpPlusSkew_ReturnsTheUser(
        [Values] bool padded,
        [Values("2026-05-04T11:59:00Z", "2026-05-04T12:00:00Z", "2026-05-04T12:06:00Z")] string now)
    {
        var result = Verify(ExampleFor(padded), DateTimeOffset.Parse(now));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Succeeded, Is.True);
            Assert.That(result.Failure, Is.Null);
            Assert.That(result.User, Is.EqualTo(Ana));
        }
    }

    [Test]
    public void Verify_WorkedExampleOneSecondAfterExpPlusSkew_IsExpired([Values] bool padded)
    {
        AssertFails(Verify(ExampleFor(padded), DateTimeOffset.Parse("2026-05-04T12:06:01Z")), IdentityFailureReason.Expired);
    }

    [Test]
    public void Verify_WorkedExampleOneSecondBeforeIatMinusSkew_IsNotYetValid([Values] bool padded)
    {
        AssertFails(Verify(ExampleFor(padded), DateTimeOffset.Parse("2026-05-04T11:58:59Z")), IdentityFailureReason.NotYetValid);
    }

    [Test]
    public void Verify_AMillisecondPastExpPlusSkew_IsExpired()
    {
        var now = DateTimeOffset.Parse("2026-05-04T12:06:00.001Z");

        AssertFails(Verify(ExampleToken, now), IdentityFailureReason.Expired);
    }

    [Test]
    public void Verify_UppercaseHexSignature_IsAccepted()
    {
        var token = ExampleSegment + "." + ExampleSignature.ToUpperInvariant();

        Assert.That(Verify(token, ExampleIssuedAt).User, Is.EqualTo(Ana));
    }

    // ---- Check 1: no secret ----

    [Test]
    public void Verify_BotWithoutSecret_IsNoSecret([Values(ExampleToken, "", null)] string? token)
    {
        AssertFails(Verify(token, ExampleIssuedAt, secrets: []), IdentityFailureReason.NoSecret);
    }

    [Test]
    public void Verify_OnlyBlankSecrets_IsNoSecret()
    {
        // An empty HMAC key would let anyone sign; the token is signed with it to prove it is not accepted.
        var token = SignSegment("", ExampleSegment);

        AssertFails(Verify(token, ExampleIssuedAt, secrets: ["", "  "]), IdentityFailureReason.NoSecret);
    }

    [Test]
    public void Verify_NullSecretList_IsNoSecret()
    {
        var result = IdentityTokenVerifier.Verify(ExampleToken, null!, ExampleIssuedAt, IdentityTokenRules.Default);

        AssertFails(result, IdentityFailureReason.NoSecret);
    }

    // ---- Check 2: shape ----

    [TestCase(null)]
    [TestCase("")]
    [TestCase(".")]
    [TestCase("no-dot-at-all")]
    public void Verify_NoTokenShape_IsMalformed(string? token)
    {
        AssertFails(Verify(token, ExampleIssuedAt), IdentityFailureReason.Malformed);
    }

    [Test]
    public void Verify_EmptySegment_IsMalformed()
    {
        // Unsigned, so without the rule the check would get as far as the signature (bad_signature).
        AssertFails(Verify("." + ExampleSignature, ExampleIssuedAt), IdentityFailureReason.Malformed);
    }

    [Test]
    public void Verify_TwoDots_IsMalformed()
    {
        AssertFails(Verify("eyJh.eyJi." + ExampleSignature, ExampleIssuedAt), IdentityFailureReason.Malformed);
        AssertFails(Verify(ExampleToken + ".", ExampleIssuedAt), IdentityFailureReason.Malformed);
    }

    [Test]
    public void Verify_TruncatedSignature_IsMalformed()
    {
        AssertFails(Verify(ExampleToken[..^1], ExampleIssuedAt), IdentityFailureReason.Malformed);
    }

    [TestCase("0")]
    [TestCase(" ")]
    [TestCase("\n")]
    [TestCase("=")]
    public void Verify_ExtraCharactersAfterTheSignature_AreMalformed(string extra)
    {
        AssertFails(Verify(ExampleToken + extra, ExampleIssuedAt), IdentityFailureReason.Malformed);
    }

    [Test]
    public void Verify_NonHexSignatureOf64Characters_IsMalformed()
    {
        var token = ExampleSegment + "." + ExampleSignature[..^1] + "g";

        AssertFails(Verify(token, ExampleIssuedAt), IdentityFailureReason.Malformed);
    }

    [Test]
    public void Verify_SignedTokenOfExactlyMaxChars_Verifies()
    {
        var token = PaddedToken(IdentityTokenRules.Default.MaxTokenChars);

        Assert.That(Verify(token, ExampleIssuedAt).Succeeded, Is.True);
    }

    [Test]
    public void Verify_SignedTokenOneCharOverMaxChars_IsMalformed()
    {
        var token = PaddedToken(IdentityTokenRules.Default.MaxTokenChars + 1);

        AssertFails(Verify(token, ExampleIssuedAt), IdentityFailureReason.Malformed);
    }

    [Test]
    public void Verify_TokenOverTheConfiguredMaxChars_IsMalformed()
    {
        var rules = IdentityTokenRules.Default with { MaxTokenChars = ExampleToken.Length - 1 };

        AssertFails(Verify(ExampleToken, ExampleIssuedAt, rules: rules), IdentityFailureReason.Malformed);
    }

    // ---- Check 3: signature ----

    [Test]
    public void Verify_PayloadChangedSignatureKept_IsBadSignature()
    {
        var forged = Sign(ExampleSecret, new { user_id = "admin", iat = ExampleIat, exp = ExampleExp }).Split('.')[0];

        AssertFails(Verify(forged + "." + ExampleSignature, ExampleIssuedAt), IdentityFailureReason.BadSignature);
    }

    [Test]
    public void Verify_OneCharacterAppendedToTheSegment_IsBadSignature()
    {
        AssertFails(Verify(ExampleSegment + "A." + ExampleSignature, ExampleIssuedAt), IdentityFailureReason.BadSignature);
    }

    [Test]
    public void Verify_LeadingWhiteSpace_IsNotTrimmed_AndFailsTheSignature()
    {
        AssertFails(Verify(" " + ExampleToken, ExampleIssuedAt), IdentityFailureReason.BadSignature);
    }

    [Test]
    public void Verify_SignedWithAnotherSecret_IsBadSignature()
    {
        var token = Sign(PreviousSecret, ExamplePayload());

        AssertFails(Verify(token, ExampleIssuedAt), IdentityFailureReason.BadSignature);
    }

    [Test]
    public void Verify_SignedWithTheHexDecodedSecretAsKey_IsBadSignature()
    {
        var mac = Mac(Convert.FromHexString(ExampleSecret), Encoding.ASCII.GetBytes(ExampleSegment));
        var token = ExampleSegment + "." + Convert.ToHexStringLower(mac);

        AssertFails(Verify(token, ExampleIssuedAt), IdentityFailureReason.BadSignature);
    }

    [Test]
    public void Verify_UnsignedGarbagePayload_IsBadSignatureBeforeAnyParsing()
    {
        AssertFails(Verify("!!not-base64!!." + ExampleSignature, ExampleIssuedAt), IdentityFailureReason.BadSignature);
    }

    [Test]
    public void Verify_NonAsciiSegmentSignedOverItsLossyAsciiForm_IsBadSignature()
    {
        // Encoding.ASCII turns 'é' into '?'; a token must not verify because "?" was signed in its place.
        var token = "é" + ExampleSegment + "." + SignSegment(ExampleSecret, "?" + ExampleSegment).Split('.')[1];

        AssertFails(Verify(token, ExampleIssuedAt), IdentityFailureReason.BadSignature);
    }

    [Test]
    public void Verify_SignedWithThePreviousSecret_VerifiesWhileThePreviousSecretIsPassed()
    {
        var token = Sign(PreviousSecret, ExamplePayload());

        var result = Verify(token, ExampleIssuedAt, secrets: [ExampleSecret, PreviousSecret]);

        Assert.That(result.User, Is.EqualTo(Ana));
    }

    [Test]
    public void Verify_SignedWithThePreviousSecret_IsBadSignatureOnceOnlyTheCurrentOneIsPassed()
    {
        var token = Sign(PreviousSecret, ExamplePayload());

        AssertFails(Verify(token, ExampleIssuedAt, secrets: [ExampleSecret]), IdentityFailureReason.BadSignature);
    }

    [Test]
    public void Verify_SignedWithTheCurrentSecret_VerifiesWhenThePreviousOneIsAlsoPassed()
    {
        var result = Verify(ExampleToken, ExampleIssuedAt, secrets: [ExampleSecret, PreviousSecret]);

        Assert.That(result.User, Is.EqualTo(Ana));
    }

    // ---- The result ----

    [Test]
    public void Result_NeverContainsTheToken()
    {
        var success = Verify(ExampleToken, ExampleIssuedAt);
        var failure = Verify(ExampleToken, DateTimeOffset.Parse("2030-01-01T00:00:00Z"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(success.ToString(), Does.Not.Contain(ExampleSegment[..20]).And.Not.Contain(ExampleSignature[..20]));
            Assert.That(failure.ToString(), Does.Not.Contain(ExampleSegment[..20]).And.Not.Contain(ExampleSignature[..20]));
        }
    }

    /// <summary>The worked example's Base64url token, or its padded standard-Base64 twin.</summary>
    private static string ExampleFor(bool padded) => padded ? ExamplePaddedToken : ExampleToken;

    internal static void AssertFails(IdentityVerification result, IdentityFailureReason reason)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Failure, Is.EqualTo(reason));
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.User, Is.Null);
        }
    }

    /// <summary>A correctly signed example token padded with an unknown claim to exactly <paramref name="length"/> characters.</summary>
    private static string PaddedToken(int length)
    {
        for (var pad = 0; pad < length; pad++)
        {
            var token = SignJson(
                $$"""{"user_id":"u_1042","iat":{{ExampleIat}},"exp":{{ExampleExp}},"pad":"{{new string('x', pad)}}"}""");
            if (token.Length == length)
            {
                return token;
            }
        }

        throw new InvalidOperationException($"No padding gives a token of {length} characters.");
    }
}
