namespace Chat9.Infrastructure.Documents.Parsing;

/// <summary>Magic numbers of common binary files, to keep executables, archives and images out of the text formats.</summary>
internal static class BinarySignatures
{
    private static readonly byte[][] Signatures =
    [
        "MZ"u8.ToArray(),                                    // Windows executable
        [0x7F, (byte)'E', (byte)'L', (byte)'F'],             // Linux executable
        [(byte)'P', (byte)'K', 0x03, 0x04],                  // ZIP, and Office documents inside it
        "%PDF"u8.ToArray(),
        [0x89, (byte)'P', (byte)'N', (byte)'G'],
        [0xFF, 0xD8, 0xFF],                                  // JPEG
        "GIF8"u8.ToArray(),
        [0xD0, 0xCF, 0x11, 0xE0],                            // OLE compound file: .doc, .xls, encrypted Office files
    ];

    public static bool StartsWithAny(ReadOnlySpan<byte> content)
    {
        foreach (var signature in Signatures)
        {
            if (content.StartsWith(signature))
            {
                return true;
            }
        }

        return false;
    }
}
