using System.Text;
using Chat9.Application.Common.Interfaces;
using Mediator;

namespace Chat9.Application.Demo.GetDemoDocument;

public sealed class GetDemoDocumentQueryHandler(ISampleDocuments samples, IMarkdownRenderer markdown)
    : IQueryHandler<GetDemoDocumentQuery, DemoDocumentDto?>
{
    public ValueTask<DemoDocumentDto?> Handle(GetDemoDocumentQuery query, CancellationToken cancellationToken)
    {
        var sample = samples.List().FirstOrDefault(s => string.Equals(s.Slug, query.Slug, StringComparison.Ordinal));
        if (sample is null)
        {
            return ValueTask.FromResult<DemoDocumentDto?>(null);
        }

        var text = Encoding.UTF8.GetString(sample.Content);
        return ValueTask.FromResult<DemoDocumentDto?>(new DemoDocumentDto(sample.Slug, TitleOf(text, sample.Slug), markdown.ToHtml(text)));
    }

    /// <summary>The first level-one heading, else the slug.</summary>
    private static string TitleOf(string markdown, string slug) =>
        markdown.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? slug;
}
