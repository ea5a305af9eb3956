using Chat9.Application.Documents.Processing;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>Reads one file format into blocks. <see cref="DocumentParser"/> turns anything it throws, other than
/// <see cref="DocumentParseException"/> and cancellation, into a <c>parse_failed</c> error naming <see cref="FormatName"/>.</summary>
internal interface IFormatParser
{
    /// <summary>How operators should read the format in an error message, e.g. "PDF file".</summary>
    string FormatName { get; }

    ParsedDocument Parse(ReadOnlyMemory<byte> content, ParseLimits limits, CancellationToken cancellationToken);
}
