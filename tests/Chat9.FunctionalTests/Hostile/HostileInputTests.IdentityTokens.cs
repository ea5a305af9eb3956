using System.Text;
using System.Text.Json;
using Chat9.Domain.Sessions;
using Chat9.FunctionalTests.Infrastructure;

namespace Chat9.FunctionalTests.Hostile;

/// <summary>
/// Fuzzed identity tokens on <c>POST /widget/session/init</c>, the only endpoint that reads one (identity.md): seeded
/// mutations of a valid token, and payloads signed with the real secret but hostile inside. Whatever the token, the
/// answer is <c>200</c> with a session, the token is never logged, and a token that is not exactly what the customer's
/// backend signed never identifies anyone. Sent as the scratch bot C.
/// </summary>
public sealed partial class HostileInputTests
{
    /// <summary>Fixed, so a failure names a case that reproduces.</summary>
    private const int IdentityFuzzSeed = 20_261_124;

    private const string FuzzUserId = "u_fuzz";

    [Test]
    public async Task Mutated_identity_tokens_never_identify_anyone()
    {
        var good = IdentityTokens.For(C.IdentitySecret, FuzzUserId, email: "fuzz@example.com", name: "Fuzz", expOffsetSeconds: 3600);
        var identified = await InitWithTokenAsync(JsonSerializer.Serialize(good), "the valid token");
        Assert.That(identified.Mode, Is.EqualTo("identified"), "the fuzzing starts from a token that verifies");

        var random = new Random(IdentityFuzzSeed);
        using (Assert.EnterMultipleScope())
        {
            foreach (var (name, token) in Mutations(good, random).Take(260))
            {
                if (SameToken(token, good))
                {
                    continue;
                }

                var (mode, user) = await InitWithTokenAsync(HostileValues.JsonLiteral(token), $"seed {IdentityFuzzSeed}: {name}");
                Assert.That(mode, Is.EqualTo("anonymous"), $"seed {IdentityFuzzSeed}: {name}: {Cut(token, 200)}");
                Assert.That(user, Is.Null, $"seed {IdentityFuzzSeed}: {name}");
                if (token.Length >= 24)
                {
                    Assert.That(Factory.Logs.Entries.Any(e => e.Message.Contains(token, StringComparison.Ordinal)), Is.False, $"the token is never logged: {name}");
                }
            }
        }
    }

    /// <summary>
    /// Payloads signed with the bot's real secret, so they pass the signature and reach the claim parser: claims of the
    /// wrong type, times that are huge, negative, fractional or strings, deep nesting, duplicate and escaped names, NUL
    /// and surrogates. Each is anonymous; none crashes the parser.
    /// </summary>
    [Test]
    public async Task Signed_payloads_with_hostile_claims_are_anonymous_and_never_crash_the_parser()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var exp = (now + 600).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var user = $"\"user_id\":\"{FuzzUserId}\"";
        var payloads = new List<(string Name, string Json)>
        {
            ("user_id a number", $"{{\"user_id\":5,\"exp\":{exp}}}"),
            ("user_id an array", $"{{\"user_id\":[\"{FuzzUserId}\"],\"exp\":{exp}}}"),
            ("user_id an object", $"{{\"user_id\":{{\"id\":\"{FuzzUserId}\"}},\"exp\":{exp}}}"),
            ("user_id true", $"{{\"user_id\":true,\"exp\":{exp}}}"),
            ("user_id null", $"{{\"user_id\":null,\"exp\":{exp}}}"),
            ("user_id blank", $"{{\"user_id\":\"  \",\"exp\":{exp}}}"),
            ("user_id of 129 characters", $"{{\"user_id\":\"{new string('u', 129)}\",\"exp\":{exp}}}"),
            ("user_id a lone surrogate", $"{{\"user_id\":\"\\ud800\",\"exp\":{exp}}}"),
            ("no user_id", $"{{\"exp\":{exp}}}"),
            ("no exp", $"{{{user}}}"),
            ("exp null", $"{{{user},\"exp\":null}}"),
            ("exp a string", $"{{{user},\"exp\":\"{exp}\"}}"),
            ("exp NaN as a string", $"{{{user},\"exp\":\"NaN\"}}"),
            ("exp Infinity as a string", $"{{{user},\"exp\":\"Infinity\"}}"),
            ("exp fractional", $"{{{user},\"exp\":{exp}.5}}"),
            ("exp with an exponent", $"{{{user},\"exp\":1.7e9}}"),
            ("exp 1e400", $"{{{user},\"exp\":1e400}}"),
            ("exp of 40 digits", $"{{{user},\"exp\":{new string('9', 40)}}}"),
            ("exp long.MaxValue", $"{{{user},\"exp\":{long.MaxValue}}}"),
            ("exp long.MinValue", $"{{{user},\"exp\":{long.MinValue}}}"),
            ("exp at the end of time", $"{{{user},\"exp\":253402300799}}"),
            ("exp past the end of time", $"{{{user},\"exp\":253402300800}}"),
            ("exp at the start of time", $"{{{user},\"exp\":-62135596800}}"),
            ("exp negative", $"{{{user},\"exp\":-1}}"),
            ("exp zero", $"{{{user},\"exp\":0}}"),
            ("exp -0", $"{{{user},\"exp\":-0}}"),
            ("exp an array", $"{{{user},\"exp\":[{exp}]}}"),
            ("exp an object", $"{{{user},\"exp\":{{\"v\":{exp}}}}}"),
            ("iat a string", $"{{{user},\"exp\":{exp},\"iat\":\"now\"}}"),
            ("iat at the end of time", $"{{{user},\"exp\":{exp},\"iat\":253402300799}}"),
            ("iat at the start of time", $"{{{user},\"exp\":253402300799,\"iat\":-62135596800}}"),
            ("iat long.MinValue", $"{{{user},\"exp\":{exp},\"iat\":{long.MinValue}}}"),
            ("iat after exp by centuries", $"{{{user},\"exp\":-62135596800,\"iat\":253402300799}}"),
            ("email a number", $"{{{user},\"exp\":{exp},\"email\":42}}"),
            ("email not an address", $"{{{user},\"exp\":{exp},\"email\":\"not an address\"}}"),
            ("name of 201 characters", $"{{{user},\"exp\":{exp},\"name\":\"{new string('n', 201)}\"}}"),
            ("locale not BCP 47", $"{{{user},\"exp\":{exp},\"locale\":\"not a locale!\"}}"),
            ("plan_tier an object", $"{{{user},\"exp\":{exp},\"plan_tier\":{{}}}}"),
            ("duplicate user_id", $"{{{user},\"user_id\":\"admin\",\"exp\":{exp}}}"),
            ("user_id and its escaped twin", $"{{{user},\"user\\u005fid\":\"admin\",\"exp\":{exp}}}"),
            ("duplicate exp", $"{{{user},\"exp\":{exp},\"exp\":{exp}}}"),
            ("64 nested arrays in an extra claim", $"{{{user},\"exp\":{exp},\"x\":{new string('[', 64)}{new string(']', 64)}}}"),
            ("1,000 nested objects", string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000)),
            ("unclosed nesting", $"{{{user},\"exp\":{exp},\"x\":{new string('[', 500)}"),
            ("an array", "[1,2]"),
            ("a string", "\"user\""),
            ("a number", "1e308"),
            ("null", "null"),
            ("empty", string.Empty),
            ("an empty object", "{}"),
            ("trailing garbage", $"{{{user},\"exp\":{exp}}}x"),
            ("a second object", $"{{{user},\"exp\":{exp}}}{{}}"),
            ("a trailing comma", $"{{{user},\"exp\":{exp},}}"),
            ("a comment", $"/*c*/{{{user},\"exp\":{exp}}}"),
            ("single quotes", $"{{'user_id':'{FuzzUserId}','exp':{exp}}}"),
            ("NaN literal", $"{{{user},\"exp\":NaN}}"),
            ("a NUL byte", $"{{{user},\"exp\":{exp}}}\0"),
        };

        var signed = payloads.Select(p => (p.Name, Token: IdentityTokens.SignSegment(C.IdentitySecret, Base64Url(Encoding.UTF8.GetBytes(p.Json))))).ToList();
        signed.Add(("invalid UTF-8", IdentityTokens.SignSegment(C.IdentitySecret, Base64Url([.. Encoding.UTF8.GetBytes($"{{{user},\"exp\":{exp},\"name\":\""), 0xC0, 0xAF, .. "\"}"u8.ToArray()]))));
        signed.Add(("UTF-16 JSON", IdentityTokens.SignSegment(C.IdentitySecret, Base64Url(Encoding.Unicode.GetBytes($"{{{user},\"exp\":{exp}}}")))));
        signed.Add(("a BOM", IdentityTokens.SignSegment(C.IdentitySecret, Base64Url([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes($"{{{user},\"exp\":{exp}}}")]))));
        signed.Add(("a segment that is not Base64", IdentityTokens.SignSegment(C.IdentitySecret, "!!!not-base64***")));
        signed.Add(("a segment of one character", IdentityTokens.SignSegment(C.IdentitySecret, "e")));
        signed.Add(("a segment with white space", IdentityTokens.SignSegment(C.IdentitySecret, Base64Url(Encoding.UTF8.GetBytes($"{{{user},\"exp\":{exp}}}")).Insert(4, " "))));
        signed.Add(("mixed Base64 alphabets", IdentityTokens.SignSegment(C.IdentitySecret, "ab-c+d_e/f==")));

        using (Assert.EnterMultipleScope())
        {
            foreach (var (name, token) in signed)
            {
                var (mode, stored) = await InitWithTokenAsync(HostileValues.JsonLiteral(token), $"signed payload: {name}");
                Assert.That(mode, Is.EqualTo("anonymous"), $"signed payload: {name}");
                Assert.That(stored, Is.Null, $"signed payload: {name}");
            }
        }
    }

    /// <summary>Non-string values and huge, NUL-laden or dotted strings in <c>identity_token</c> itself: dropped, never an error.</summary>
    [Test]
    public async Task Identity_token_values_of_any_shape_give_an_anonymous_session()
    {
        var good = IdentityTokens.For(C.IdentitySecret, FuzzUserId);
        var values = new (string Name, string Json)[]
        {
            ("a number", "12345"), ("a huge number", "1e400"), ("true", "true"), ("null", "null"), ("an array", $"[{JsonSerializer.Serialize(good)}]"),
            ("an object", $"{{\"token\":{JsonSerializer.Serialize(good)}}}"), ("32 nested arrays", new string('[', 31) + new string(']', 31)),
            ("an empty string", "\"\""), ("white space", "\"  \\t \""), ("4,097 characters", HostileValues.JsonLiteral(new string('a', 4097))),
            ("60,000 characters", HostileValues.JsonLiteral(new string('a', 60_000))), ("4,000 dots", HostileValues.JsonLiteral(new string('.', 4000))),
            ("the token, 4,000 dots", HostileValues.JsonLiteral(good + new string('.', 4000))), ("a NUL", HostileValues.JsonLiteral("\0")),
            ("the token with a NUL", HostileValues.JsonLiteral(good + "\0")), ("the token behind a NUL", HostileValues.JsonLiteral("\0" + good)),
            ("the token behind white space", HostileValues.JsonLiteral(" " + good)), ("the token with a newline", HostileValues.JsonLiteral(good + "\n")),
            ("the token with a zero-width space", HostileValues.JsonLiteral(good.Insert(good.IndexOf('.'), "\u200B"))),
            ("the token with an RTL override", HostileValues.JsonLiteral("\u202E" + good)),
            ("the token with a lone surrogate", HostileValues.JsonLiteral(good + "\uD800")),
            ("the token twice", HostileValues.JsonLiteral(good + good)), ("the token twice with a dot", HostileValues.JsonLiteral(good + "." + good)),
            ("Bearer and the token", HostileValues.JsonLiteral("Bearer " + good)),
        };
        using (Assert.EnterMultipleScope())
        {
            foreach (var (name, json) in values)
            {
                var (mode, stored) = await InitWithTokenAsync(json, $"identity_token {name}");
                Assert.That(mode, Is.EqualTo("anonymous"), $"identity_token {name}");
                Assert.That(stored, Is.Null, $"identity_token {name}");
            }
        }
    }

    /// <summary>Seeded mutations of <paramref name="good"/>: bit flips in each segment, swaps, truncations, insertions, re-encodings.</summary>
    private IEnumerable<(string Name, string Token)> Mutations(string good, Random random)
    {
        var dot = good.IndexOf('.', StringComparison.Ordinal);
        var segment = good[..dot];
        var signature = good[(dot + 1)..];
        var payload = Encoding.UTF8.GetString(FromBase64Url(segment));
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=.";

        // Deterministic families first.
        yield return ("segments swapped", signature + "." + segment);
        yield return ("signature only", signature);
        yield return ("segment only", segment);
        yield return ("segment and a dot", segment + ".");
        yield return ("a dot and the signature", "." + signature);
        yield return ("segment twice", segment + "." + segment);
        yield return ("signature twice", signature + "." + signature);
        yield return ("three segments", segment + "." + segment + "." + signature);
        yield return ("signature reversed", segment + "." + new string(signature.Reverse().ToArray()));
        yield return ("signature of zeros", segment + "." + new string('0', 64));
        yield return ("signature of 63 characters", segment + "." + signature[..63]);
        yield return ("signature of 65 characters", segment + "." + signature + "0");
        yield return ("signature as Base64", segment + "." + Convert.ToBase64String(Convert.FromHexString(signature)));
        yield return ("signature with a non-hex character", segment + "." + signature[..10] + "g" + signature[11..]);
        yield return ("payload re-encoded as standard Base64 with padding", Convert.ToBase64String(FromBase64Url(segment)) + "." + signature);
        yield return ("payload with white space re-encoded", Base64Url(Encoding.UTF8.GetBytes(" " + payload)) + "." + signature);
        yield return ("user_id changed", Base64Url(Encoding.UTF8.GetBytes(payload.Replace(FuzzUserId, "admin", StringComparison.Ordinal))) + "." + signature);
        yield return ("exp pushed back", Base64Url(Encoding.UTF8.GetBytes(payload.Replace("\"exp\":", "\"exp\":9", StringComparison.Ordinal))) + "." + signature);
        yield return ("a claim added", Base64Url(Encoding.UTF8.GetBytes(payload[..^1] + ",\"role\":\"admin\"}")) + "." + signature);
        yield return ("signed with the other bot's secret", IdentityTokens.For(B.IdentitySecret, FuzzUserId));
        yield return ("signed with the secret in upper case", IdentityTokens.For(C.IdentitySecret.ToUpperInvariant(), FuzzUserId));
        yield return ("signed with the decoded secret", SignWithBytes(Convert.FromHexString(C.IdentitySecret), segment));
        yield return ("signed with an empty secret", SignWithBytes([], segment));
        yield return ("many dots", string.Join('.', Enumerable.Repeat(segment, 40)) + "." + signature);
        yield return ("4 KiB and more", segment + new string('A', 4096) + "." + signature);
        yield return ("exactly 4,096 characters", segment + new string('A', 4096 - good.Length) + "." + signature);
        yield return ("NUL before the dot", segment + "\0." + signature);
        yield return ("unicode look-alike in the segment", segment[..5] + "\u0410" + segment[6..] + "." + signature);
        yield return ("full-width digits in the signature", segment + "." + "\uFF10" + signature[1..]);
        yield return ("percent-encoded", Uri.EscapeDataString(segment + "=") + "." + signature);

        // Then seeded random edits, each naming its position so the case can be read back.
        while (true)
        {
            var kind = random.Next(6);
            var inSignature = random.Next(2) == 1;
            var part = inSignature ? signature : segment;
            var at = random.Next(part.Length);
            string mutated;
            string name;
            switch (kind)
            {
                case 0:
                    var bit = 1 << random.Next(7);
                    mutated = part[..at] + (char)(part[at] ^ bit) + part[(at + 1)..];
                    name = $"bit {bit} of character {at} flipped";
                    break;
                case 1:
                    mutated = part[..at] + Alphabet[random.Next(Alphabet.Length)] + part[(at + 1)..];
                    name = $"character {at} replaced";
                    break;
                case 2:
                    mutated = part.Remove(at, 1);
                    name = $"character {at} removed";
                    break;
                case 3:
                    mutated = part.Insert(at, Alphabet[random.Next(Alphabet.Length)].ToString());
                    name = $"a character inserted at {at}";
                    break;
                case 4:
                    var other = random.Next(part.Length);
                    var chars = part.ToCharArray();
                    (chars[at], chars[other]) = (chars[other], chars[at]);
                    mutated = new string(chars);
                    name = $"characters {at} and {other} swapped";
                    break;
                default:
                    mutated = part[..at];
                    name = $"truncated to {at} characters";
                    break;
            }

            yield return ($"{name} in the {(inSignature ? "signature" : "segment")}", inSignature ? segment + "." + mutated : mutated + "." + signature);
        }
    }

    /// <summary>
    /// Whether <paramref name="token"/> is <paramref name="good"/> itself: the same segment, and the same signature up to
    /// the case of its hex digits (hex is case-insensitive: <c>AB</c> and <c>ab</c> are one byte).
    /// </summary>
    private static bool SameToken(string token, string good) => string.Equals(token, good, StringComparison.OrdinalIgnoreCase)
        && token[..token.IndexOf('.', StringComparison.Ordinal)] == good[..good.IndexOf('.', StringComparison.Ordinal)];

    private async Task<(string Mode, SessionUser? User)> InitWithTokenAsync(string tokenJson, string label)
    {
        var answer = await SendAsync(new HostileRequest("POST", "/widget/session/init", [])
        {
            Body = $"{{\"bot_id\":\"{C.PublicId}\",\"identity_token\":{tokenJson}}}",
            Label = $"session/init with {label}",
        });
        Assert.That(answer.Status, Is.EqualTo(200), $"{answer.Label}: {Cut(answer.Body, 300)}");
        if (answer.Status != 200)
        {
            return ("error", null);
        }

        var json = answer.Json();
        var session = await StoredSessionAsync(Guid.Parse(json.GetProperty("session_id").GetString()!));
        return (json.GetProperty("mode").GetString()!, session.User);
    }

    private static string SignWithBytes(byte[] key, string segment) =>
        segment + "." + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(segment)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string segment)
    {
        var standard = segment.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(standard + new string('=', (4 - (standard.Length % 4)) % 4));
    }
}
