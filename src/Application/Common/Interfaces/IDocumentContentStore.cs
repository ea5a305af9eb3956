using Chat9.Domain.Documents;

namespace Chat9.Application.Common.Interfaces;

/// <summary>Keeps the original bytes of documents (saved with the unit of work).</summary>
public interface IDocumentContentStore
{
    void Add(DocumentContent content);

    Task<DocumentContent?> FindAsync(Guid documentId, CancellationToken cancellationToken);

    /// <summary>The original bytes only, untracked: for reading many documents in one unit of work without keeping them all.</summary>
    Task<byte[]?> ReadBytesAsync(Guid documentId, CancellationToken cancellationToken);
}
