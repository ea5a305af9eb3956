using System.Text;
using Chat9.Application.Widget.Common.Identity;
using static Chat9.Application.UnitTests.Widget.Identity.IdentityTokens;

namespace Chat9.Application.UnitTests.Widget.Identity;

/// <summary>
/// identity.md: a bad token never fails the request. Seeded random input, unsigned (checks 1–3) and correctly signed
/// (so it reaches the Base64 decoder, the JSON reader and the claims), must always give a result, never an exception.
/// </summary>
public sealed class IdentityTokenRobustnessTests
{
    private const int Seed = 20260504;
    private const int CasesPerKind = 300;

    private static readonly string Alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=. \t\n\"{}[]:,\\é€\0\ud800\udc00😀";

    [TestCaseSource(nameof(RandomStrings))]
    [TestCaseSource(nameof(RandomSignedBytes))]
    [TestCaseSource(nameof(MutatedSignedPayloads))]
    public void Verify_ArbitraryInput_NeverThrows(string? token)
    {
        IdentityVerification? result = null;

        Assert.DoesNotThrow(() => result = Verify(token, ExampleIssuedAt));
        Assert.That(result!.Succeeded, Is.Not.EqualTo(result.Failure.HasValue));
    }

    [Test]
    public void Verify_MutatedSignedPayloads_ReachTheJsonChecks()
    {
        // Guards the fuzz cases above: they must exercise checks 4 and 5, not just stop at the signature.
        var reasons = MutatedSignedPayloads()
            .Select(c => Verify((string)c.Arguments[0]!, ExampleIssuedAt).Failure)
            .ToHashSet();

        Assert.That(reasons, Is.SupersetOf(new IdentityFailureReason?[] { IdentityFailureReason.Malformed, IdentityFailureReason.InvalidClaims }));
    }

    [Test]
    public void Verify_HugeToken_IsMalformed()
    {
        var token = new string('A', 1_000_000) + "." + ExampleSignature;

        Assert.That(Verify(token, ExampleIssuedAt).Failure, Is.EqualTo(IdentityFailureReason.Malformed));
    }

    [Test]
    public void Verify_ExtremeClock_NeverThrows([Values(0, 1)] int which)
    {
        var now = which == 0 ? DateTimeOffset.MinValue : DateTimeOffset.MaxValue;
        var token = SignJson("""{"user_id":"u_1","iat":253402300799,"exp":253402300799}""");

        Assert.DoesNotThrow(() => Verify(token, now));
        Assert.DoesNotThrow(() => Verify(SignJson("""{"user_id":"u_1","iat":-62135596800,"exp":-62135596800}"""), now));
    }

    private static IEnumerable<TestCaseData> RandomStrings()
    {
        var random = new Random(Seed);
        for (var i = 0; i < CasesPerKind; i++)
        {
            var length = random.Next(3) == 0 ? random.Next(4000, 4200) : random.Next(0, 200);
            var chars = new char[length];
            for (var c = 0; c < length; c++)
            {
                chars[c] = random.Next(10) == 0 ? (char)random.Next(0, 0x10000) : Alphabet[random.Next(Alphabet.Length)];
            }

            // Half of them get a well-formed signature part, so they pass check 2 more often.
            var token = new string(chars);
            if (i % 2 == 0)
            {
                token = token.Replace(".", "", StringComparison.Ordinal) + "." + Convert.ToHexString(random.GetItems<byte>([.. Enumerable.Range(0, 256).Select(b => (byte)b)], 32));
            }

            yield return Case("random string", i, token);
        }
    }

    private static IEnumerable<TestCaseData> RandomSignedBytes()
    {
        var random = new Random(Seed + 1);
        for (var i = 0; i < CasesPerKind; i++)
        {
            var bytes = new byte[random.Next(0, 2000)];
            random.NextBytes(bytes);
            yield return Case("signed random bytes", i, SignBytes(bytes));
        }
    }

    private static IEnumerable<TestCaseData> MutatedSignedPayloads()
    {
        var random = new Random(Seed + 2);
        var original = Encoding.UTF8.GetBytes(
            """{"user_id":"u_1042","email":"ana@example.com","name":"Ana Lima","plan_tier":"pro","locale":"pt-BR","iat":1777896000,"exp":1777896300,"x":{"a":[1,2.5,true,null,"\u00e9"]}}""");
        byte[] interesting = [.. "{}[]\":,\\nu0123456789.eE-+ tf"u8, 0x00, 0x80, 0xC3, 0xE9, 0xFF];
        for (var i = 0; i < CasesPerKind; i++)
        {
            var bytes = original.ToList();
            for (var edits = random.Next(1, 4); edits > 0 && bytes.Count > 0; edits--)
            {
                var at = random.Next(bytes.Count);
                var b = interesting[random.Next(interesting.Length)];
                switch (random.Next(3))
                {
                    case 0: bytes[at] = b; break;
                    case 1: bytes.Insert(at, b); break;
                    default: bytes.RemoveAt(at); break;
                }
            }

            yield return Case("signed mutated payload", i, SignBytes([.. bytes]));
        }
    }

    private static TestCaseData Case(string kind, int index, string token) =>
        new TestCaseData(token).SetArgDisplayNames($"{kind} #{index}");
}
