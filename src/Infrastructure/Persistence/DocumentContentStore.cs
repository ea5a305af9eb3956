using Chat9.Application.Common.Interfaces;
using Chat9.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace Chat9.Infrastructure.Persistence;

public sealed class DocumentContentStore(Chat9DbContext dbContext) : IDocumentContentStore
{
    public void Add(DocumentContent content) => dbContext.DocumentContents.Add(content);

    public Task<DocumentContent?> FindAsync(Guid documentId, CancellationToken cancellationToken) =>
        dbContext.DocumentContents.FirstOrDefaultAsync(c => c.DocumentId == documentId, cancellationToken);

    public Task<byte[]?> ReadBytesAsync(Guid documentId, CancellationToken cancellationToken) =>
        dbContext.DocumentContents.AsNoTracking().Where(c => c.DocumentId == documentId).Select(c => c.Bytes).FirstOrDefaultAsync(cancellationToken);
}
