using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Chat9.FunctionalTests.Infrastructure;

namespace Chat9.FunctionalTests.Faults;

/// <summary>The two chat endpoints, each as JSON or as a stream.</summary>
public enum ChatRoute
{
    /// <summary><c>POST /widget/chat</c> (always a stream).</summary>
    Widget,

    /// <summary><c>POST /chat</c> with <c>Accept: text/event-stream</c>.</summary>
    ManagementStream,

    /// <summary><c>POST /chat</c> answered as JSON.</summary>
    ManagementJson,
}

/// <summary>Chat requests for the fault cases, over a plain <see cref="HttpClient"/> (the whole body is read).</summary>
public static class ChatCalls
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, ChatRoute route, string publicBotId, string apiKey, string message, Guid? sessionId = null)
    {
        using var request = Request(route, publicBotId, apiKey, message, sessionId);
        return await client.SendAsync(request);
    }

    /// <summary>The request of one chat turn; the caller may send it with <see cref="HttpCompletionOption.ResponseHeadersRead"/>.</summary>
    public static HttpRequestMessage Request(ChatRoute route, string publicBotId, string apiKey, string message, Guid? sessionId = null)
    {
        HttpRequestMessage request;
        if (route == ChatRoute.Widget)
        {
            var query = $"/widget/chat?bot_id={Uri.EscapeDataString(publicBotId)}" + (sessionId is { } id ? $"&session_id={id}" : string.Empty);
            request = new HttpRequestMessage(HttpMethod.Post, query) { Content = JsonContent(new { message }) };
        }
        else
        {
            request = new HttpRequestMessage(HttpMethod.Post, "/chat") { Content = JsonContent(new { question = message, session_id = sessionId }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        if (route != ChatRoute.ManagementJson)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        }

        return request;
    }

    /// <summary>The parsed, well-formed stream of a 200 answer (fails the test on anything else).</summary>
    public static async Task<SseStream> StreamOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"), body);
        return SseStream.Parse(body).AssertWellFormed();
    }

    /// <summary>The session of a successful turn, as JSON or from its <c>done</c> frame.</summary>
    public static async Task<Guid> SessionOfAsync(HttpResponseMessage response, ChatRoute route)
    {
        if (route == ChatRoute.ManagementJson)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.EqualTo(200), body);
            return JsonDocument.Parse(body).RootElement.GetProperty("session_id").GetGuid();
        }

        return (await StreamOfAsync(response)).Done.GetProperty("session_id").GetGuid();
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
