namespace Chat9.Application.Common.Interfaces;

/// <summary>The sample documentation shipped with Chat9 (the <c>samples/</c> folder) for the demo bot.</summary>
public interface ISampleDocuments
{
    IReadOnlyList<SampleDocument> List();
}

/// <summary>One sample file; <see cref="Slug"/> names it under <c>/demo/docs/</c>.</summary>
public sealed record SampleDocument(string Filename, string Slug, byte[] Content);
