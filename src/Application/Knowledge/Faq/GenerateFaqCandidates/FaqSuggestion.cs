using Chat9.Domain.Faq;

namespace Chat9.Application.Knowledge.Faq.GenerateFaqCandidates;

/// <summary>A question and answer that may become an FAQ candidate, with where it came from.</summary>
public sealed record FaqSuggestion(string Question, string Answer, FaqSource Source, double? Confidence, Guid? SourceDocumentId);
