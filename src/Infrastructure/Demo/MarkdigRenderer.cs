using Chat9.Application.Common.Interfaces;
using Markdig;

namespace Chat9.Infrastructure.Demo;

/// <summary>Markdig with the common extensions (tables, lists) and raw HTML disabled: HTML in the source is shown as text.</summary>
public sealed class MarkdigRenderer : IMarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    public string ToHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);
}
