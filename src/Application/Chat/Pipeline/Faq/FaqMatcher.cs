using Chat9.Application.Common.Interfaces;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Faq;
using Chat9.Domain.Faq.Specifications;

namespace Chat9.Application.Chat.Pipeline.Faq;

/// <summary>
/// Stage 3 of pipeline.md: finds the approved FAQ entry closest to the question. The similarity is the cosine of the
/// two term sets as retrieval analyses them (stemmed, stop words and case removed), so "How can I reset my password?"
/// and "reset password how" match fully while a question sharing one word with an entry scores low.
/// </summary>
public sealed class FaqMatcher(IReadRepository<FaqEntry> entries, ITextTerms terms)
{
    public async Task<FaqMatch?> FindBestAsync(Guid botId, string question, string? language, CancellationToken cancellationToken)
    {
        var approved = await entries.ListAsync(new ApprovedFaqEntriesOfBotSpec(botId), cancellationToken);
        if (approved.Count == 0)
        {
            return null;
        }

        var questionTerms = terms.Analyze(question, language).ToHashSet();
        return approved
            .Select(entry => new FaqMatch(entry, Similarity(questionTerms, terms.Analyze(entry.Question, language).ToHashSet())))
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Entry.Id)
            .First();
    }

    internal static double Similarity(HashSet<string> a, HashSet<string> b) =>
        a.Count == 0 || b.Count == 0 ? 0 : Math.Round(a.Count(b.Contains) / Math.Sqrt((double)a.Count * b.Count), 4);
}

public sealed record FaqMatch(FaqEntry Entry, double Score);
