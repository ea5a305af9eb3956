namespace Chat9.Application.Chat.Pipeline.Guarding;

/// <summary>
/// The local <c>prompt_injection</c> check: injection phrases in the supported languages (also in leetspeak, with
/// look-alike letters or spelled out letter by letter), chat-template markup, "new instructions:" headers, and base64
/// blobs that decode to any of these.
/// </summary>
internal sealed class PromptInjectionRule
{
    public const string Name = "prompt_injection";

    private const double PhraseScore = 0.95;
    private const double MarkupScore = 0.9;
    private const double WeakScore = 0.5;

    private static readonly (IReadOnlyList<PhrasePattern> Patterns, double Score)[] Refusing =
    [
        (PromptInjectionPhrases.Strong, PhraseScore),
        (PromptInjectionPhrases.Markup, MarkupScore),
        (PromptInjectionPhrases.Headers, MarkupScore),
    ];

    public GuardCheck Check(GuardText text)
    {
        if (FindRefusing(text) is { } hit)
        {
            return new GuardCheck(Name, GuardResult.Refuse, hit.Score, "injection." + hit.Pattern.Id);
        }

        foreach (var decoded in Base64Payloads.Decode(text.Raw))
        {
            if (FindRefusing(GuardText.Of(decoded)) is { } hidden)
            {
                return new GuardCheck(Name, GuardResult.Refuse, PhraseScore, "injection.base64." + hidden.Pattern.Id);
            }
        }

        return PromptInjectionPhrases.Weak.FirstOrDefault(p => p.IsMatch(text)) is { } weak
            ? new GuardCheck(Name, GuardResult.Flag, WeakScore, "injection." + weak.Id)
            : new GuardCheck(Name, GuardResult.Pass, 0, null);
    }

    private static (PhrasePattern Pattern, double Score)? FindRefusing(GuardText text)
    {
        foreach (var (patterns, score) in Refusing)
        {
            if (patterns.FirstOrDefault(p => p.IsMatch(text)) is { } pattern)
            {
                return (pattern, score);
            }
        }

        return null;
    }
}
