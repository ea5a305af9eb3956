namespace Chat9.Domain.Documents;

/// <summary>The stored original bytes of a document, kept apart so listing documents never loads file contents.</summary>
public sealed class DocumentContent
{
    // For EF Core.
    private DocumentContent() { }

    public DocumentContent(Guid documentId, byte[] bytes)
    {
        DocumentId = documentId;
        Bytes = bytes;
    }

    public Guid DocumentId { get; private set; }

    public byte[] Bytes { get; private set; } = [];

    public void Replace(byte[] bytes) =>
        Bytes = bytes.Length > 0 ? bytes : throw new Common.DomainException("empty_file", "The file is empty.");
}
