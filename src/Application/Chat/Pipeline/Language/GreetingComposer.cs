using Chat9.Application.Common.Interfaces;
using Chat9.Domain.Bots;

namespace Chat9.Application.Chat.Pipeline.Language;

/// <summary>
/// The bot's greeting in a language (pipeline.md "Language"): the built-in one ("Hi Ana! I'm the … assistant.") ships in
/// every supported language; a custom <c>greeting</c> is translated by the guard model when one is configured, else
/// shown as written. Used by the greeting turn and by <c>GET /widget/config</c>.
/// </summary>
public sealed class GreetingComposer(IGuardModel guardModel)
{
    /// <param name="productName">What the bot helps with (the knowledge profile's product name, else the bot's name).</param>
    /// <param name="userName">The visitor's name when known (token or hints).</param>
    public async Task<Greeting> ComposeAsync(Bot bot, string productName, string? userName, string language, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(bot.Greeting))
        {
            if (guardModel.IsConfigured && language != ConversationLanguages.Default)
            {
                var translation = await guardModel.TranslateAsync(bot.Greeting, language, cancellationToken);
                if (translation is not null)
                {
                    return new Greeting(translation.Text, translation.Usage);
                }
            }

            return new Greeting(bot.Greeting, null);
        }

        var values = new Dictionary<string, string> { ["bot_name"] = bot.Name, ["product_name"] = productName };
        if (!string.IsNullOrWhiteSpace(userName))
        {
            values["user_name"] = userName;
            return new Greeting(CannedTexts.Get(CannedText.GreetingBuiltInNamed, language, values), null);
        }

        return new Greeting(CannedTexts.Get(CannedText.GreetingBuiltIn, language, values), null);
    }
}

/// <param name="TranslationUsage">The guard model's usage when it translated a custom greeting.</param>
public sealed record Greeting(string Text, ModelUsage? TranslationUsage);
