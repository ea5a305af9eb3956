namespace Chat9.Application.Documents.Processing;

/// <summary>A chunk as the chunker cuts it, before it becomes a stored <c>DocumentChunk</c>.</summary>
public sealed record ChunkDraft(string Text, IReadOnlyList<string> HeadingPath, string? Anchor, int TokenCount);

/// <summary>Chunk sizes in tokens (limits.md: 350–450 target, 800 max).</summary>
public sealed record ChunkingOptions(int TargetMinTokens = 350, int TargetMaxTokens = 450, int MaxTokens = 800);
