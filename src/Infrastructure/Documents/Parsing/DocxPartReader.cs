using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace Chat9.Infrastructure.Documents.Parsing;

internal static class DocxPartReader
{
    /// <summary>Loads a part's root element from the inflated bytes, charged to <paramref name="budget"/>; null when the part has no such root.</summary>
    public static T? ReadRoot<T>(OpenXmlPart part, UncompressedByteBudget budget)
        where T : OpenXmlElement
    {
        using var reader = new OpenXmlPartReader(budget.Meter(part.GetStream(FileMode.Open, FileAccess.Read)), part.Features, new OpenXmlPartReaderOptions());
        while (reader.Read())
        {
            if (reader.IsStartElement && reader.ElementType == typeof(T))
            {
                return (T?)reader.LoadCurrentElement();
            }
        }

        return null;
    }
}
