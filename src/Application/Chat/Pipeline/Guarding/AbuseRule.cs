namespace Chat9.Application.Chat.Pipeline.Guarding;

/// <summary>The local <c>abuse</c> check: insults, threats, harassment, sexual or hateful content.</summary>
internal sealed class AbuseRule
{
    public const string Name = "abuse";

    private const double RefusedScore = 0.9;
    private const double FlaggedScore = 0.4;

    public GuardCheck Check(GuardText text)
    {
        if (AbusePhrases.Refused.FirstOrDefault(p => p.IsMatch(text)) is { } refused)
        {
            return new GuardCheck(Name, GuardResult.Refuse, RefusedScore, "abuse." + refused.Id);
        }

        return AbusePhrases.Flagged.FirstOrDefault(p => p.IsMatch(text)) is { } flagged
            ? new GuardCheck(Name, GuardResult.Flag, FlaggedScore, "abuse." + flagged.Id)
            : new GuardCheck(Name, GuardResult.Pass, 0, null);
    }
}
