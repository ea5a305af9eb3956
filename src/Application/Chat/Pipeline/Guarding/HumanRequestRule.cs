namespace Chat9.Application.Chat.Pipeline.Guarding;

/// <summary>The local <c>human_request</c> check: the visitor asks to be put through to a person.</summary>
internal sealed class HumanRequestRule
{
    public const string Name = "human_request";

    public GuardCheck Check(GuardText text)
    {
        var match = HumanRequestPhrases.Requests.FirstOrDefault(p => p.IsMatch(text))
            ?? HumanRequestPhrases.WholeMessages.FirstOrDefault(p => p.IsMatch(text));
        return match is null
            ? new GuardCheck(Name, GuardResult.Pass, 0, null)
            : new GuardCheck(Name, GuardResult.Flag, 1, "human_request." + match.Id);
    }
}
