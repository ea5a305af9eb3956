using System.Runtime.InteropServices;

namespace Chat9.Infrastructure.Persistence.Configurations;

/// <summary>Stores an embedding as raw little-endian float32 bytes: compact on both providers, no JSON parsing on load.</summary>
internal static class EmbeddingBytes
{
    public static byte[] From(float[] vector) => MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();

    public static float[] To(byte[] bytes) => MemoryMarshal.Cast<byte, float>(bytes.AsSpan()).ToArray();

    public static bool AreEqual(float[]? a, float[]? b) => a == b || (a is not null && b is not null && a.AsSpan().SequenceEqual(b));
}
