using System.Text;

namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>
/// OLE compound files hold both legacy Word (.doc) documents and password-protected Office Open XML documents, which
/// Office stores encrypted in a stream named "EncryptedPackage".
/// </summary>
internal static class OleCompoundFile
{
    private static readonly byte[] Signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    // Directory entry names are stored as UTF-16LE.
    private static readonly byte[] EncryptedPackageName = Encoding.Unicode.GetBytes("EncryptedPackage");

    public static bool IsOleFile(ReadOnlySpan<byte> content) => content.StartsWith(Signature);

    public static bool IsEncryptedOfficeDocument(ReadOnlySpan<byte> content) =>
        IsOleFile(content) && content.IndexOf(EncryptedPackageName) >= 0;
}
