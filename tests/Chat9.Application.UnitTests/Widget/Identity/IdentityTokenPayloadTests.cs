using System.Text;
using System.Text.Json;
using Chat9.Application.Common.Options;
using Chat9.Application.Widget.Common.Identity;
using Chat9.Domain.Sessions;
using static Chat9.Application.UnitTests.Widget.Identity.IdentityTokens;
using static Chat9.Application.UnitTests.Widget.Identity.IdentityTokenVerifierTests;

namespace Chat9.Application.UnitTests.Widget.Identity;

/// <summary>identity.md checks 4–8 on correctly signed tokens: decoding, JSON, claims, and the times.</summary>
public sealed class IdentityTokenPayloadTests
{
    private static readonly DateTimeOffset Now = ExampleIssuedAt;
    private static readonly long NowSeconds = Now.ToUnixTimeSeconds();

    // ---- Check 4: decoding and JSON shape ----

    [Test]
    public void Verify_StandardBase64WithPadding_IsAccepted()
    {
        var json = Encoding.UTF8.GetBytes("""{"user_id":"u>?","exp":1777896300}""");
        var segment = Convert.ToBase64String(json);
        Assume.That(segment.AsSpan().ContainsAny('+', '/') && segment.EndsWith('='), Is.True);

        Assert.That(Verify(SignSegment(ExampleSecret, segment), Now).User?.UserId, Is.EqualTo("u>?"));
    }

    [Test]
    public void Verify_Base64UrlWithUrlOnlyCharacters_IsAccepted()
    {
        var token = SignJson("""{"user_id":"u>?","exp":1777896300}""");
        Assume.That(token.Split('.')[0].AsSpan().ContainsAny('-', '_'), Is.True);

        Assert.That(Verify(token, Now).User?.UserId, Is.EqualTo("u>?"));
    }

    [TestCase("!!!!")]
    [TestCase("eyJhb")]
    [TestCase("eyJ1c2VyX2lkIjoidT4_IiwiZXhwIjoxNzc3ODk2MzAwfQ==")]
    [TestCase("eyJ1c2VyX2lkIjoidT4/IiwiZXhwIjoxNzc3ODk2MzAwfQ")]
    [TestCase("eyJ1c2VyX2lkIjoidT4/Iiwi ZXhwIjoxNzc3ODk2MzAwfQ==")]
    [TestCase("eyJ1 c2Vy X2lk Ijoi dT4/IiwiZXhwIjoxNzc3ODk2MzAwfQ==")]
    [TestCase("eyJ1\nc2Vy\nX2lk\nIjoi\ndT4_IiwiZXhwIjoxNzc3ODk2MzAwfQ")]
    [TestCase("eyJ1c2VyX2lkIjoidT4/IiwiZXhwIjoxNzc3ODk2MzAwfQ===")]
    [TestCase("eyJ1c2VyX2lkIjoidT4-IiwiZXhwIjoxNzc3ODk2MzAwfQ/=")]
    public void Verify_SignedSegmentThatIsNeitherBase64UrlNorPaddedBase64_IsMalformed(string segment)
    {
        AssertFails(Verify(SignSegment(ExampleSecret, segment), Now), IdentityFailureReason.Malformed);
    }

    [TestCase("""[{"user_id":"u_1","exp":1777896300}]""")]
    [TestCase("\"u_1\"")]
    [TestCase("1777896300")]
    [TestCase("null")]
    [TestCase("not json")]
    [TestCase("")]
    [TestCase("""{"user_id":"u_1","exp":1777896300""")]
    [TestCase("""{"user_id":"u_1","exp":1777896300} {}""")]
    [TestCase("""{"user_id":"u_1","exp":1777896300,}""")]
    [TestCase("""{"user_id":"u_1", /* c */ "exp":1777896300}""")]
    [TestCase("""{'user_id':'u_1','exp':1777896300}""")]
    [TestCase("""{"user_id":"\ud800","exp":1777896300}""")]
    public void Verify_SignedPayloadThatIsNotAJsonObject_IsMalformed(string json)
    {
        AssertFails(Verify(SignJson(json), Now), IdentityFailureReason.Malformed);
    }

    [Test]
    public void Verify_SignedPayloadWithInvalidUtf8_IsMalformed()
    {
        byte[] inClaim = [.. "{\"user_id\":\"u"u8, 0xC3, 0x28, .. "\",\"exp\":1777896300}"u8];
        byte[] inUnknownClaim = [.. "{\"user_id\":\"u_1\",\"exp\":1777896300,\"x\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8];

        using (Assert.EnterMultipleScope())
        {
            AssertFails(Verify(SignBytes(inClaim), Now), IdentityFailureReason.Malformed);
            AssertFails(Verify(SignBytes(inUnknownClaim), Now), IdentityFailureReason.Malformed);
        }
    }

    [Test]
    public void Verify_SignedPayloadWithByteOrderMark_IsMalformed()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. """{"user_id":"u_1","exp":1777896300}"""u8];

        AssertFails(Verify(SignBytes(json), Now), IdentityFailureReason.Malformed);
    }

    [Test]
    public void Verify_DeeplyNestedUnknownClaim_IsMalformed()
    {
        var json = $$"""{"user_id":"u_1","exp":1777896300,"deep":{{new string('[', 2000)}}{{new string(']', 2000)}}}""";

        AssertFails(Verify(SignJson(json), Now), IdentityFailureReason.Malformed);
    }

    [TestCase("""{"user_id":"a","user_id":"b","exp":1777896300}""")]
    [TestCase("""{"user_id":"a","exp":1777896300,"exp":1777896300}""")]
    [TestCase("""{"user_id":"a","user\u005fid":"b","exp":1777896300}""")]
    [TestCase("""{"user_id":"a","exp":1777896300,"x":1,"x":1}""")]
    [TestCase("""{"user_id":"a","exp":1777896300,"email":null,"email":null}""")]
    public void Verify_DuplicateKeys_AreMalformed(string json)
    {
        AssertFails(Verify(SignJson(json), Now), IdentityFailureReason.Malformed);
    }

    [Test]
    public void Verify_DuplicateKeyAfterAnInvalidClaim_IsMalformedBecauseCheck4ComesFirst()
    {
        var json = """{"user_id":42,"exp":"soon","x":1,"x":2}""";

        AssertFails(Verify(SignJson(json), Now), IdentityFailureReason.Malformed);
    }

    [Test]
    public void Verify_DuplicateKeysNestedInAnUnknownClaim_AreIgnored()
    {
        // The contract forbids duplicates in the root object; nested values of unknown claims are never read.
        var json = """{"user_id":"u_1","exp":1777896300,"meta":{"a":1,"a":2}}""";

        Assert.That(Verify(SignJson(json), Now).Succeeded, Is.True);
    }

    // ---- Check 5: claims ----

    [Test]
    public void Verify_UnknownClaimsOfAnyType_AreIgnored()
    {
        var token = Token(c =>
        {
            c["role"] = "admin";
            c["nested"] = new { a = new[] { 1, 2 }, b = (string?)null };
            c["flag"] = true;
            c["EMAIL"] = 5;
        });

        Assert.That(Verify(token, Now).User, Is.EqualTo(new SessionUser("u_1042", null, null, null, null)));
    }

    [Test]
    public void Verify_OnlyRequiredClaims_GivesAUserWithoutOptionalFields()
    {
        var token = Token(c => c.Remove("iat"));

        Assert.That(Verify(token, Now).User, Is.EqualTo(new SessionUser("u_1042", null, null, null, null)));
    }

    [TestCaseSource(nameof(InvalidClaims))]
    public void Verify_InvalidClaim_IsInvalidClaims(string claim, object? value)
    {
        var token = Token(c => c[claim] = value);

        AssertFails(Verify(token, Now), IdentityFailureReason.InvalidClaims);
    }

    private static IEnumerable<TestCaseData> InvalidClaims()
    {
        object?[][] cases =
        [
            ["user_id", ""], ["user_id", "   "], ["user_id", new string('u', 129)], ["user_id", 1042], ["user_id", null],
            ["user_id", true], ["user_id", new[] { "u_1" }], ["user_id", new { id = "u_1" }],
            ["exp", "1777896300"], ["exp", null], ["exp", true], ["exp", 1777896300.5], ["exp", new[] { 1777896300 }],
            ["iat", "1777896000"], ["iat", 1777896000.5], ["iat", false],
            ["email", "ana"], ["email", "ana@"], ["email", "@example.com"], ["email", "ana lima@example.com"],
            ["email", "ana@exa mple.com"], ["email", "ana@@example.com"], ["email", "a@b@example.com"], ["email", "ana@example"],
            ["email", new string('a', 309) + "@example.com"], ["email", 42], ["email", new[] { "ana@example.com" }],
            ["name", new string('n', 201)], ["name", 42], ["name", new { first = "Ana" }],
            ["plan_tier", new string('p', 65)], ["plan_tier", 1],
            ["locale", "pt_BR"], ["locale", "português"], ["locale", "p"], ["locale", "pt-"], ["locale", "en-US-" + new string('x', 8) + "-" + new string('y', 8) + "-zz"],
            ["locale", "eng-US-x-" + new string('a', 8) + "-" + new string('b', 8) + "-" + new string('c', 8) + "-d"],
            ["locale", "i-klingon"], ["locale", 5],
        ];
        return cases.Select(c => new TestCaseData(c[0], c[1]).SetArgDisplayNames((string)c[0]!, JsonSerializer.Serialize(c[1])));
    }

    [TestCase("""{"user_id":"u_1","exp":1777896300.0}""")]
    [TestCase("""{"user_id":"u_1","exp":1.7778963e9}""")]
    [TestCase("""{"user_id":"u_1","exp":17778963E2}""")]
    [TestCase("""{"user_id":"u_1","exp":100000000000000000000}""")]
    [TestCase("""{"user_id":"u_1","exp":253402300800}""")]
    [TestCase("""{"user_id":"u_1","exp":-62135596801}""")]
    [TestCase("""{"user_id":"u_1","exp":1777896300,"iat":1777896000.0}""")]
    [TestCase("""{"user_id":"u_1"}""")]
    [TestCase("""{"exp":1777896300}""")]
    public void Verify_ExpOrIatThatIsNotAnIntegerLiteralInRange_OrMissingRequiredClaim_IsInvalidClaims(string json)
    {
        AssertFails(Verify(SignJson(json), Now), IdentityFailureReason.InvalidClaims);
    }

    [Test]
    public void Verify_ClaimsAtTheirLimits_AreAccepted()
    {
        var email = new string('a', 308) + "@example.com"; // 320 characters
        var token = Token(c =>
        {
            c["user_id"] = new string('u', 128);
            c["email"] = email;
            c["name"] = new string('n', 200);
            c["plan_tier"] = new string('p', 64);
            c["locale"] = "eng-US-x-" + new string('a', 8) + "-" + new string('b', 8) + "-" + new string('c', 8);
        });

        var user = Verify(token, Now).User;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(email, Has.Length.EqualTo(320));
            Assert.That(user?.UserId, Has.Length.EqualTo(128));
            Assert.That(user?.Email, Is.EqualTo(email));
            Assert.That(user?.Name, Has.Length.EqualTo(200));
            Assert.That(user?.PlanTier, Has.Length.EqualTo(64));
            Assert.That(user?.Locale, Has.Length.EqualTo(35));
        }
    }

    [Test]
    public void Verify_LimitsCountCodePoints_NotUtf16Units()
    {
        // Raw UTF-8 (the serializer would escape each emoji as 12 characters and overflow the token limit).
        var userId = string.Concat(Enumerable.Repeat("😀", 128));
        var name = string.Concat(Enumerable.Repeat("😀", 200));
        var token = SignJson($$"""{"user_id":"{{userId}}","name":"{{name}}","exp":1777896300}""");

        Assert.That(Verify(token, Now).User, Is.EqualTo(new SessionUser(userId, null, name, null, null)));
    }

    [Test]
    public void Verify_StringClaims_AreStoredTrimmed()
    {
        var token = Token(c =>
        {
            c["user_id"] = "  u_1042\t";
            c["email"] = " ana@example.com ";
            c["name"] = " Ana Lima ";
            c["plan_tier"] = " Pro ";
            c["locale"] = " pt-BR ";
        });

        Assert.That(Verify(token, Now).User, Is.EqualTo(new SessionUser("u_1042", "ana@example.com", "Ana Lima", "Pro", "pt-BR")));
    }

    [TestCase("email")]
    [TestCase("name")]
    [TestCase("plan_tier")]
    [TestCase("locale")]
    [TestCase("iat")]
    public void Verify_OptionalClaimThatIsNull_IsAbsent(string claim)
    {
        var token = Token(c =>
        {
            c["email"] = "ana@example.com";
            c["name"] = "Ana";
            c["plan_tier"] = "pro";
            c["locale"] = "pt-BR";
            c[claim] = null;
        });

        var result = Verify(token, Now);

        Assert.That(result.Succeeded, Is.True);
        Assert.That(Field(result.User!, claim), Is.Null);
    }

    [TestCase("email")]
    [TestCase("name")]
    [TestCase("plan_tier")]
    [TestCase("locale")]
    public void Verify_OptionalStringClaimThatIsBlank_IsAbsent(string claim)
    {
        var token = Token(c => c[claim] = "  ");

        var result = Verify(token, Now);

        Assert.That(result.Succeeded, Is.True);
        Assert.That(Field(result.User!, claim), Is.Null);
    }

    [TestCase("en")]
    [TestCase("pt-BR")]
    [TestCase("zh-Hant-TW")]
    [TestCase("de-CH-1996")]
    [TestCase("es-419")]
    [TestCase("x-private")]
    public void Verify_WellFormedLocale_IsKept(string locale)
    {
        Assert.That(Verify(Token(c => c["locale"] = locale), Now).User?.Locale, Is.EqualTo(locale));
    }

    [Test]
    public void Verify_ConfiguredLimits_AreTheOnesChecked()
    {
        var rules = IdentityTokenRules.From(new LimitsOptions { UserIdMaxChars = 5 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Verify(Token(c => c["user_id"] = "abcde"), Now, rules: rules).Succeeded, Is.True);
            AssertFails(Verify(Token(c => c["user_id"] = "abcdef"), Now, rules: rules), IdentityFailureReason.InvalidClaims);
        }
    }

    [Test]
    public void Verify_InvalidClaimsOnAnExpiredToken_IsInvalidClaimsBecauseCheck5ComesFirst()
    {
        var token = Token(c => c["email"] = "nope");

        AssertFails(Verify(token, Now.AddDays(1)), IdentityFailureReason.InvalidClaims);
    }

    // ---- Checks 6–8: times ----

    [Test]
    public void Verify_FutureIatAndTooLongLifetime_IsNotYetValidBecauseCheck7ComesFirst()
    {
        var token = Token(c =>
        {
            c["iat"] = NowSeconds + 61;
            c["exp"] = NowSeconds + 61 + 86401;
        });

        AssertFails(Verify(token, Now), IdentityFailureReason.NotYetValid);
    }

    [TestCase(86400, true)]
    [TestCase(86401, false)]
    public void Verify_LifetimeFromIat_IsAtMost24Hours(long lifetime, bool verifies)
    {
        var token = Token(c =>
        {
            c["iat"] = NowSeconds - 30;
            c["exp"] = NowSeconds - 30 + lifetime;
        });

        AssertOutcome(Verify(token, Now), verifies, IdentityFailureReason.LifetimeTooLong);
    }

    [TestCase(86460, true)]
    [TestCase(86461, false)]
    public void Verify_LifetimeWithoutIat_IsAtMost24HoursPlusSkewFromNow(long remaining, bool verifies)
    {
        var token = Token(c =>
        {
            c.Remove("iat");
            c["exp"] = NowSeconds + remaining;
        });

        AssertOutcome(Verify(token, Now), verifies, IdentityFailureReason.LifetimeTooLong);
    }

    [Test]
    public void Verify_ConfiguredLifetimeAndSkew_AreTheOnesChecked()
    {
        var rules = IdentityTokenRules.From(new LimitsOptions { IdentityTokenMaxLifetimeHours = 1, IdentityClockSkewSeconds = 0 });
        var token = Token(c => c["exp"] = NowSeconds + 3601);

        using (Assert.EnterMultipleScope())
        {
            AssertFails(Verify(token, Now, rules: rules), IdentityFailureReason.LifetimeTooLong);
            AssertFails(Verify(Token(c => c["exp"] = NowSeconds - 1), Now, rules: rules), IdentityFailureReason.Expired);
        }
    }

    private static void AssertOutcome(IdentityVerification result, bool verifies, IdentityFailureReason otherwise)
    {
        if (verifies)
        {
            Assert.That(result.Succeeded, Is.True, () => $"failed with {result.Failure}");
        }
        else
        {
            AssertFails(result, otherwise);
        }
    }

    /// <summary>A correctly signed token around the base claims (u_1042, iat = now, exp = now + 300), edited by <paramref name="edit"/>.</summary>
    private static string Token(Action<Dictionary<string, object?>> edit)
    {
        var claims = new Dictionary<string, object?>
        {
            ["user_id"] = "u_1042",
            ["iat"] = NowSeconds,
            ["exp"] = NowSeconds + 300,
        };
        edit(claims);
        return Sign(ExampleSecret, claims);
    }

    private static string? Field(SessionUser user, string claim) => claim switch
    {
        "email" => user.Email,
        "name" => user.Name,
        "plan_tier" => user.PlanTier,
        "locale" => user.Locale,
        "iat" => null,
        _ => throw new ArgumentOutOfRangeException(nameof(claim)),
    };
}
