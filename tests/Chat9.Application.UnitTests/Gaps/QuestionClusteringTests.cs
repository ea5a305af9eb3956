using Chat9.Application.Gaps.Common;
using Chat9.Domain.Gaps;

namespace Chat9.Application.UnitTests.Gaps;

/// <summary>The pieces of offline gap clustering: TF-IDF vectors, centroid clustering and the suggested action.</summary>
public sealed class QuestionClusteringTests
{
    [Test]
    public void Questions_sharing_their_key_terms_are_close_and_unrelated_ones_are_not()
    {
        IReadOnlyList<string>[] questions = [["cancel", "subscript"], ["cancel", "subscript", "onlin"], ["ship", "canada"]];
        var space = LexicalSpace.Fit(questions);
        var vectors = questions.Select(space.Vectorize).ToList();

        Assert.That(vectors[0].Cosine(vectors[1]), Is.GreaterThan(0.35));
        Assert.That(vectors[0].Cosine(vectors[2]), Is.Zero);
        Assert.That(vectors[0].Cosine(vectors[0]), Is.EqualTo(1).Within(1e-9), "unit length");
    }

    [Test]
    public void A_term_every_question_shares_still_counts_a_little()
    {
        IReadOnlyList<string>[] questions = [["export", "pdf"], ["export", "csv"]];
        var space = LexicalSpace.Fit(questions);

        var similarity = space.Vectorize(questions[0]).Cosine(space.Vectorize(questions[1]));

        Assert.That(similarity, Is.GreaterThan(0).And.LessThan(0.5), "smoothed idf: shared 'export' is weaker than the distinct terms");
    }

    [Test]
    public void Clustering_groups_by_threshold_and_drops_empty_vectors()
    {
        IReadOnlyList<string>[] questions = [["calendar", "sync"], ["dark", "mode"], ["sync", "calendar", "googl"], [], ["dark", "mode", "switch"]];
        var space = LexicalSpace.Fit(questions);
        var vectors = questions.Select(space.Vectorize).ToList();

        var clusters = CentroidClustering.Cluster(vectors, 0.35);

        Assert.That(clusters.Select(c => c.ToArray()), Is.EqualTo(new[] { new[] { 0, 2 }, new[] { 1, 4 } }));
    }

    [Test]
    public void The_medoid_is_the_member_closest_to_the_centre()
    {
        IReadOnlyList<string>[] questions = [["sync", "calendar", "outlook"], ["sync", "calendar"], ["sync", "calendar", "googl"]];
        var space = LexicalSpace.Fit(questions);
        var vectors = questions.Select(space.Vectorize).ToList();

        Assert.That(CentroidClustering.Medoid(vectors, [0, 1, 2]), Is.EqualTo(1));
    }

    [TestCase(GapMode.Coverage, 3, 0, 0, 0, 5, SuggestedActionKind.ExpandDoc)]
    [TestCase(GapMode.Questions, 1, 0, 2, 1, 1, SuggestedActionKind.ReviewAnswers)]
    [TestCase(GapMode.Questions, 2, 1, 0, 0, 3, SuggestedActionKind.AddFaq)]
    [TestCase(GapMode.Questions, 2, 1, 0, 0, 2, SuggestedActionKind.WriteDoc)]
    public void The_suggested_action_follows_the_signals(
        GapMode mode, int lowConfidence, int noDocuments, int rejected, int thumbsDown, int sameQuestion, SuggestedActionKind expected)
    {
        var action = SuggestedActions.For(mode, "Calendar sync", new GapSignals(lowConfidence, noDocuments, rejected, thumbsDown), sameQuestion);

        Assert.That(action.Kind, Is.EqualTo(expected));
        Assert.That(action.Text, Does.Contain("Calendar sync"));
    }
}
