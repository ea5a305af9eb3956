using Chat9.Application.Common.Interfaces;

namespace Chat9.Application.Chat.Pipeline.Prompting;

/// <summary>One context chunk as the answer model sees it; chunks are numbered [1]..[n] in list order.</summary>
public sealed record PromptContextChunk(string Title, IReadOnlyList<string> HeadingPath, string Text);

/// <summary>
/// Everything the answer prompt is built from (pipeline.md section 6 "Prompt"). <see cref="History"/> and
/// <see cref="Question"/> are already PII-redacted and cut to the memory limits by the caller.
/// </summary>
/// <param name="LanguageName">The conversation language in English ("German"): the reply language.</param>
/// <param name="ClarificationAllowed">False once the conversation has had its one clarifying question.</param>
public sealed record AnswerPromptInput(
    string BotName,
    string? ProductName,
    string? Instructions,
    IReadOnlyList<(string Term, string Definition)> Glossary,
    IReadOnlyList<PromptContextChunk> Context,
    string LanguageName,
    IReadOnlyList<PromptMessage> History,
    string Question,
    bool ClarificationAllowed,
    int MaxOutputTokens);

/// <summary>
/// The built prompt, plus what the output checks need: the turn's random <see cref="Canary"/> and the
/// <see cref="RulesText"/> (the built-in rules exactly as sent), both for <c>AnswerStreamFilter</c>'s leak guard.
/// </summary>
public sealed record AnswerPrompt(AnswerRequest Request, string Canary, string RulesText);
