using Chat9.Application.Common.Interfaces;

namespace Chat9.Infrastructure.Samples;

/// <summary>Reads the Markdown samples shipped next to the executable (<c>samples/</c>).</summary>
public sealed class FolderSampleDocuments(string folder) : ISampleDocuments
{
    public IReadOnlyList<SampleDocument> List()
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(folder, "*.md")
            .Order(StringComparer.Ordinal)
            .Select(path => new SampleDocument(
                Path.GetFileName(path),
                Path.GetFileNameWithoutExtension(path).ToLowerInvariant(),
                File.ReadAllBytes(path)))];
    }
}
