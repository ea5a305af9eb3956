using Chat9.Application.Common.Interfaces;
using OpenAI.Chat;

namespace Chat9.Infrastructure.Models;

/// <summary>What the answer and guard adapters share: the prompt in SDK form and what kind of model a name denotes.</summary>
internal static class ChatModelSupport
{
    /// <summary>Name prefixes of OpenAI's reasoning models. They take <c>max_completion_tokens</c> (spent on hidden
    /// reasoning as well as on the visible text) and refuse any <c>temperature</c> but the default.</summary>
    private static readonly string[] ReasoningPrefixes = ["gpt-5", "o1", "o3", "o4"];

    /// <summary>
    /// True for reasoning models, judged by name (a provider prefix such as <c>openai/</c> is ignored). An Azure deployment
    /// is only recognized when its name starts like the model's; <c>gpt-5-chat</c> counts as reasoning too, which costs
    /// nothing but the temperature setting.
    /// </summary>
    public static bool IsReasoningModel(string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return false;
        }

        var name = model.Trim();
        name = name[(name.LastIndexOf('/') + 1)..];
        return ReasoningPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }

    public static ChatMessage ToSdk(PromptMessage message) => message.Role switch
    {
        PromptRole.System => new SystemChatMessage(message.Content),
        PromptRole.User => new UserChatMessage(message.Content),
        PromptRole.Assistant => new AssistantChatMessage(message.Content),
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.Role, "Unknown prompt role."),
    };

    /// <summary>The text parts of a message or a streamed update, joined.</summary>
    public static string Text(ChatMessageContent? content)
    {
        if (content is null || content.Count == 0)
        {
            return string.Empty;
        }

        if (content.Count == 1)
        {
            return content[0].Kind == ChatMessageContentPartKind.Text ? content[0].Text ?? string.Empty : string.Empty;
        }

        return string.Concat(content.Where(part => part.Kind == ChatMessageContentPartKind.Text).Select(part => part.Text));
    }
}
