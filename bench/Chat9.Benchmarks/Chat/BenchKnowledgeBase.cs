using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Chat9.Benchmarks.Chat;

/// <summary>
/// The knowledge base of the chat benchmark: <see cref="Documents"/> Markdown files of <see cref="SectionsPerDocument"/>
/// sections, each a <c>## heading</c> and one paragraph of <see cref="WordsPerSection"/> synthetic words
/// (<see cref="SyntheticCorpus"/>). The chunker keeps a section whole when it fits in 800 tokens, so one section is one
/// chunk: 20,000 chunks in all (checked against the documents' <c>chunk_count</c>).
/// Questions take 8 words of one section, so retrieval is confident and every turn goes through the model.
/// </summary>
public sealed class BenchKnowledgeBase
{
    public const int Documents = 100;
    public const int SectionsPerDocument = 200;
    public const int WordsPerSection = 240;

    private readonly List<string> _markdown = [];
    private readonly List<string> _questions = [];

    public BenchKnowledgeBase(int questions = 1_000)
    {
        var corpus = new SyntheticCorpus(seed: 11);
        var random = new Random(5);
        var sections = new List<string>();
        for (var d = 0; d < Documents; d++)
        {
            var markdown = new StringBuilder();
            for (var s = 0; s < SectionsPerDocument; s++)
            {
                var paragraph = corpus.Paragraph(WordsPerSection);
                sections.Add(paragraph);
                markdown.Append("## ").Append(corpus.Word()).Append(' ').Append(corpus.Word()).Append(' ').Append(d).Append('.').Append(s).Append("\n\n");
                markdown.Append(paragraph).Append("\n\n");
            }

            _markdown.Add(markdown.ToString());
        }

        for (var q = 0; q < questions; q++)
        {
            var words = sections[random.Next(sections.Count)].ToLowerInvariant()
                .Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries);
            var picked = Enumerable.Range(0, 8).Select(_ => words[random.Next(words.Length)]);
            _questions.Add("How do I " + string.Join(' ', picked) + "?");
        }
    }

    public IReadOnlyList<string> Questions => _questions;

    public long TotalBytes => _markdown.Sum(m => (long)Encoding.UTF8.GetByteCount(m));

    /// <summary>Uploads every document (4 at a time), waits until all are <c>ready</c>; returns the total chunk count.</summary>
    public async Task<int> UploadAsync(HttpClient client, TimeSpan timeout)
    {
        var ids = new Guid[_markdown.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, _markdown.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(_markdown[i]));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
            form.Add(file, "file", $"guide-{i:000}.md");
            using var response = await client.PostAsync("/documents", form, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if ((int)response.StatusCode != 202)
            {
                throw new InvalidOperationException($"Upload {i} failed: {(int)response.StatusCode} {body}");
            }

            ids[i] = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        });

        var deadline = Stopwatch.StartNew();
        var pending = new HashSet<Guid>(ids);
        var chunks = 0;
        while (pending.Count > 0)
        {
            foreach (var id in pending.ToArray())
            {
                using var document = JsonDocument.Parse(await client.GetStringAsync($"/documents/{id}"));
                var root = document.RootElement;
                switch (root.GetProperty("status").GetString())
                {
                    case "ready":
                        chunks += root.GetProperty("chunk_count").GetInt32();
                        pending.Remove(id);
                        break;
                    case "error":
                        throw new InvalidOperationException($"Document {id} failed: {root}");
                }
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"{pending.Count} documents still not ready after {timeout}.");
            }

            if (pending.Count > 0)
            {
                await Task.Delay(500);
            }
        }

        return chunks;
    }
}
