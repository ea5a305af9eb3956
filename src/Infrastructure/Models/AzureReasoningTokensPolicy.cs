using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chat9.Infrastructure.Models;

/// <summary>
/// Azure.AI.OpenAI 2.1.0 sends the output limit as <c>max_tokens</c>, which Azure's reasoning deployments (gpt-5, o1,
/// o3, o4) refuse with 400 <c>unsupported_parameter</c>. For chat requests to a deployment named like a reasoning model
/// (<see cref="ChatModelSupport.IsReasoningModel"/>) this policy renames the member to <c>max_completion_tokens</c>
/// just before the request leaves; everything else passes untouched.
/// </summary>
internal sealed class AzureReasoningTokensPolicy : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message);
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
    }

    private static void Rewrite(PipelineMessage message)
    {
        var request = message.Request;
        if (request.Content is null || !IsReasoningChatCall(request.Uri))
        {
            return;
        }

        using var buffer = new MemoryStream();
        request.Content.WriteTo(buffer, message.CancellationToken);
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(buffer.ToArray()) as JsonObject;
        }
        catch (JsonException)
        {
            return;
        }

        if (body is null || !body.Remove("max_tokens", out var limit))
        {
            return;
        }

        body["max_completion_tokens"] = limit;
        request.Content = BinaryContent.Create(BinaryData.FromString(body.ToJsonString()));
    }

    /// <summary><c>…/openai/deployments/{deployment}/chat/completions</c> with a reasoning model's deployment name.</summary>
    private static bool IsReasoningChatCall(Uri? uri)
    {
        if (uri is null)
        {
            return false;
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/');
        return segments.Length >= 4
            && segments[^1] == "completions" && segments[^2] == "chat" && segments[^4] == "deployments"
            && ChatModelSupport.IsReasoningModel(Uri.UnescapeDataString(segments[^3]));
    }
}
