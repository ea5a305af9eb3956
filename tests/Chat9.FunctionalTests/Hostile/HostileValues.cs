using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Chat9.FunctionalTests.Hostile;

/// <summary>The hostile values the families send, and how to put them into JSON, paths and queries byte-exactly.</summary>
public static class HostileValues
{
    /// <summary>Unicode that real clients send (and that breaks naive code): direction overrides, invisible characters, unpaired surrogates, NUL, stacked marks.</summary>
    public static readonly IReadOnlyList<(string Name, string Value)> Unicode =
    [
        ("rtl override", "\u202Efdp.exe\u202C report"),
        ("zero width", "a\u200Bb\u200C\u200Dc\u2060d\uFEFFe"),
        ("lone high surrogate", "a\uD800b"),
        ("lone low surrogate", "a\uDC00b"),
        ("reversed pair", "\uDC00\uD800"),
        ("only a lone surrogate", "\uD83D"),
        ("nul", "a\u0000b"),
        ("only nul", "\u0000"),
        ("c0 and c1 controls", "\u0001\u0007\u001B[31m\u0085\u009B"),
        ("combining marks", "e" + string.Concat(Enumerable.Repeat("\u0301\u0316", 150))),
        ("astral", "\U0001D54F\U0001F600\U0001F1FA\U0001F1F8"),
        ("noncharacters", "\uFFFE\uFFFF\U0010FFFF"),
        ("line separators", "one\u2028two\u2029three\r\n\tfour"),
        ("unicode blanks only", "\u00A0\u2003\u3000"),
        ("mixed direction", "مرحبا שלום hello"),
        ("replacement character", "\uFFFD\uFFFD"),
    ];

    /// <summary>Strings that try to escape their context: SQL, NoSQL, paths, templates, markup, headers, LIKE wildcards.</summary>
    public static readonly IReadOnlyList<string> Injections =
    [
        "' OR '1'='1",
        "1; DROP TABLE Bots; --",
        "\" OR \"\"=\"",
        "') UNION SELECT ApiKeyHash FROM ApiKeys --",
        "{\"$ne\":null}",
        "{\"$gt\":\"\"}",
        "../../../../etc/passwd",
        "..\\..\\..\\windows\\win.ini",
        "..%2F..%2Fetc%2Fpasswd",
        "%2e%2e%2f%2e%2e%2f",
        "%00",
        "%",
        "_",
        "*",
        "\\",
        "${jndi:ldap://127.0.0.1/a}",
        "{{7*7}}",
        "<script>alert(1)</script>",
        "\r\nX-Injected: 1",
    ];

    /// <summary>JSON text of wrong type for a member of <paramref name="kind"/> (element kind for arrays).</summary>
    public static IEnumerable<string> WrongTypes(FieldKind kind, FieldKind? elementKind) => kind switch
    {
        FieldKind.Text => ["42", "true", "[]", "{}", "[\"x\"]", "{\"a\":\"b\"}", "-0.0"],
        FieldKind.Integer => ["\"12\"", "1.5", "1e400", "2147483648", "-2147483649", "99999999999999999999999999", "true", "\"abc\"", "[]", "{}"],
        FieldKind.Number => ["\"0.5\"", "true", "[]", "{}", "1e400", "-1e400"],
        FieldKind.Boolean => ["\"true\"", "1", "0", "[]", "{}", "\"yes\""],
        FieldKind.Enum => ["\"bogus\"", "1", "\"week ly\"", "\"\"", "true", "[]", "{}"],
        FieldKind.Array when elementKind == FieldKind.Object => ["\"x\"", "{}", "1", "[1]", "[\"x\"]", "[[]]", "[true]"],
        FieldKind.Array => ["\"x\"", "{}", "1", "[1]", "[[]]", "[{}]", "[true]"],
        FieldKind.Object => ["\"x\"", "[]", "1", "true"],
        _ => ["42", "true", "[]", "{}", "-1e400", "[[[[]]]]"],
    };

    /// <summary>
    /// A JSON string literal for <paramref name="value"/> with every character outside printable ASCII written as a
    /// <c>\uXXXX</c> escape, so unpaired surrogates and NUL reach the server exactly (no encoder would write them).
    /// </summary>
    public static string JsonLiteral(string value)
    {
        var literal = new StringBuilder("\"");
        foreach (var c in value)
        {
            literal.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                >= ' ' and <= '~' => c.ToString(),
                _ => $"\\u{(int)c:x4}",
            });
        }

        return literal.Append('"').ToString();
    }

    /// <summary>
    /// Percent-encodes <paramref name="value"/> as UTF-8, except that an unpaired surrogate becomes the three bytes a
    /// careless encoder produces (<c>%ED%A0%80</c>): invalid UTF-8, on purpose.
    /// </summary>
    public static string PercentEncode(string value)
    {
        var encoded = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                encoded.Append(c);
                continue;
            }

            byte[] bytes;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                bytes = Encoding.UTF8.GetBytes(value.Substring(i++, 2));
            }
            else if (char.IsSurrogate(c))
            {
                bytes = [(byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F))];
            }
            else
            {
                bytes = Encoding.UTF8.GetBytes(c.ToString());
            }

            foreach (var b in bytes)
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }

    private const string Placeholder = "\"@@hostile-value@@\"";

    /// <summary>
    /// <paramref name="baselineJson"/> with the member at <paramref name="path"/> (<c>a</c>, <c>a.b</c>, <c>a[0].b</c>)
    /// set to the raw JSON text <paramref name="rawValue"/>; missing objects and arrays on the way are created.
    /// </summary>
    public static string WithMember(string baselineJson, string path, string rawValue)
    {
        var root = JsonNode.Parse(baselineJson)!.AsObject();
        JsonNode parent = root;
        var segments = path.Replace("[0]", ".[0]", StringComparison.Ordinal).Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            var segment = segments[i];
            if (segment == "[0]")
            {
                var array = parent.AsArray();
                if (last)
                {
                    array.Clear();
                    array.Add(JsonValue.Create("@@hostile-value@@"));
                }
                else
                {
                    if (array.Count == 0 || array[0] is not JsonObject)
                    {
                        array.Clear();
                        array.Add(new JsonObject());
                    }

                    parent = array[0]!;
                }

                continue;
            }

            var obj = parent.AsObject();
            if (last)
            {
                obj[segment] = JsonValue.Create("@@hostile-value@@");
            }
            else
            {
                var next = segments[i + 1] == "[0]" ? (JsonNode)new JsonArray() : new JsonObject();
                if (obj[segment] is not { } existing || existing.GetValueKind() != next.GetValueKind())
                {
                    obj[segment] = next;
                }

                parent = obj[segment]!;
            }
        }

        return root.ToJsonString().Replace(Placeholder, rawValue, StringComparison.Ordinal);
    }

    /// <summary>The top-level member a path starts with (<c>glossary[0].term</c> → <c>glossary</c>).</summary>
    public static string Root(string path) => path.Split('.', '[')[0];
}
