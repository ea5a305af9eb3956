using Chat9.Domain.Documents;

namespace Chat9.Application.Common.Interfaces;

/// <summary>Keeps the original bytes of documents (saved with the unit of work).</summary>
public interface IDocumentContentStore
{
    void Add(DocumentContent content);

    Task<DocumentContent?> FindAsync(Guid documentId, CancellationToken cancellationToken);
}
