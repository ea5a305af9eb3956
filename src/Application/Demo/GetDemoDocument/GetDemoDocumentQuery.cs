using Mediator;

namespace Chat9.Application.Demo.GetDemoDocument;

/// <summary>
/// One sample document as a web page (<c>/demo/docs/{slug}</c>): the demo bot's sources point there, so the links the
/// widget shows under an answer open the very page the answer came from. Null for an unknown slug.
/// </summary>
public sealed record GetDemoDocumentQuery(string Slug) : IQuery<DemoDocumentDto?>;

/// <param name="Html">Rendered from the sample's Markdown; raw HTML in it is escaped.</param>
public sealed record DemoDocumentDto(string Slug, string Title, string Html);
