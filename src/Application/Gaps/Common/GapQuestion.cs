using Chat9.Application.Common.Interfaces;

namespace Chat9.Application.Gaps.Common;

/// <summary>A visitor question the analyzer clusters, with the signals that point at it (none for coverage questions).</summary>
public sealed record GapQuestion(Guid MessageId, string Text, DateTimeOffset AskedAt, GapSignalKinds Signals);

/// <summary>A group of questions about the same thing, in the order they were asked, with the question closest to its centre.</summary>
public sealed record QuestionCluster(IReadOnlyList<GapQuestion> Questions, GapQuestion Central, SparseVector LexicalCentroid);
