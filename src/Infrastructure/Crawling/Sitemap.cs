using System.Xml;

namespace Chat9.Infrastructure.Crawling;

/// <summary>
/// A sitemap file (sitemaps.org): a <c>urlset</c> of page URLs, or a <c>sitemapindex</c> of further sitemap files.
/// Only the <c>loc</c> entries matter to the crawler. Gzipped sitemap files are not read.
/// </summary>
internal sealed record Sitemap(bool IsIndex, IReadOnlyList<string> Locations)
{
    // No DTD processing and no resolver: a sitemap from the web can neither expand entities nor make the parser fetch.
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>The entries read; a malformed file yields the entries before the error, which is what a truncated file holds.</summary>
    public static Sitemap Parse(byte[] content)
    {
        var isIndex = false;
        var locations = new List<string>();
        using var stream = new MemoryStream(content, writable: false);
        using var reader = XmlReader.Create(stream, Settings);
        try
        {
            if (reader.MoveToContent() == XmlNodeType.Element)
            {
                isIndex = reader.LocalName == "sitemapindex";
            }

            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "loc")
                {
                    var location = reader.ReadElementContentAsString().Trim();
                    if (location.Length > 0)
                    {
                        locations.Add(location);
                    }
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (XmlException)
        {
            // Keep what was read.
        }

        return new Sitemap(isIndex, locations);
    }
}
