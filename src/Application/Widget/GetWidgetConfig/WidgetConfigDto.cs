namespace Chat9.Application.Widget.GetWidgetConfig;

/// <param name="MaxMessageChars">Chat9 addition: the widget's character counter.</param>
/// <param name="SessionTtlHours">Chat9 addition: how long the widget keeps a session in <c>localStorage</c>.</param>
public sealed record WidgetConfigDto(
    string BotName,
    string Greeting,
    string AccentColor,
    bool LinkSafetyEnabled,
    IReadOnlyList<string> AllowedDomains,
    LinkSafetyLabelsDto LinkSafetyLabels,
    bool EscalationEnabled,
    int MaxMessageChars,
    int SessionTtlHours);

/// <param name="Body">Keeps the literal <c>{hostname}</c>; the widget fills it in.</param>
public sealed record LinkSafetyLabelsDto(string Title, string Body, string ContinueLabel, string CancelLabel);
