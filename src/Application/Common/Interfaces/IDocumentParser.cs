using Chat9.Application.Documents.Processing;
using Chat9.Domain.Documents;

namespace Chat9.Application.Common.Interfaces;

/// <summary>Turns a stored original into structured text. Throws <see cref="DocumentParseException"/> for documents that cannot be read.</summary>
public interface IDocumentParser
{
    ParsedDocument Parse(DocumentFileType fileType, ReadOnlyMemory<byte> content, ParseLimits limits, CancellationToken cancellationToken);
}
