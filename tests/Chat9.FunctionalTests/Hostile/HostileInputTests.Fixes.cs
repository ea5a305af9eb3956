using System.Text;

namespace Chat9.FunctionalTests.Hostile;

/// <summary>One focused test per bug the hostile families found, next to the family that keeps covering it.</summary>
public sealed partial class HostileInputTests
{
    /// <summary>Invalid UTF-8 inside a string was read only when the member was: 500 on session/init, "wrong type" elsewhere.</summary>
    [Test]
    public async Task Invalid_utf8_inside_a_json_string_is_400_invalid_json()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var (path, prefix) in new[] { ("/widget/session/init", "{\"bot_id\":\""), ("/chat", "{\"question\":\"") })
            {
                var request = new HostileRequest("POST", path, [])
                {
                    BodyBytes = [.. Encoding.UTF8.GetBytes(prefix), 0xC0, 0xAF, .. "\"}"u8.ToArray()],
                    ApiKey = path == "/chat" ? A.ApiKey : null,
                };
                ExpectProblem(await SendAsync(request), 400, "invalid_json");
            }
        }
    }
}
