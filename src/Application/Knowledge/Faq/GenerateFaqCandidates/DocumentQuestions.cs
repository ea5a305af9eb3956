using Chat9.Application.Knowledge.Common;
using Chat9.Domain.Common;
using Chat9.Domain.Faq;

namespace Chat9.Application.Knowledge.Faq.GenerateFaqCandidates;

/// <summary>
/// FAQ suggestions written into a document already: every heading phrased as a question
/// (<see cref="QuestionHeadings"/>) with its section, nested sections included, as the answer in Markdown (cut to the
/// answer limit). Headings without content and questions over the question limit are left out.
/// </summary>
public static class DocumentQuestions
{
    public static IEnumerable<FaqSuggestion> FromHeadings(KnowledgeDocument document, int questionMaxChars, int answerMaxChars)
    {
        var sections = document.Outline.Sections;
        for (var i = 0; i < sections.Count; i++)
        {
            if (sections[i].Heading is not { } heading || QuestionHeadings.AsQuestion(heading, document.Language) is not { } question
                || Text.CountChars(question) > questionMaxChars)
            {
                continue;
            }

            var answer = document.SectionMarkdown(i);
            if (answer.Length > 0)
            {
                yield return new FaqSuggestion(question, MarkdownText.Cut(answer, answerMaxChars), FaqSource.Docs, Confidence: null, document.Id);
            }
        }
    }
}
