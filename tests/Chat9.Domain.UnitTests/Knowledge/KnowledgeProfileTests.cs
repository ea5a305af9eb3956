using Chat9.Domain.Knowledge;
using Chat9.Domain.UnitTests.Common;
using static Chat9.Domain.UnitTests.Common.Moments;

namespace Chat9.Domain.UnitTests.Knowledge;

public sealed class KnowledgeProfileTests
{
    private static readonly Guid BotId = Guid.NewGuid();

    private static KnowledgeProfile NewProfile() => KnowledgeProfile.CreateFor(BotId, Now);

    private static void Extract(KnowledgeProfile profile, DateTimeOffset at) =>
        profile.ApplyExtraction("Extracted Name", "Extracted summary.", ["Export", "Billing"], [new GlossaryEntry("SKU", "Stock keeping unit")], at);

    [Test]
    public void CreateFor_WhenBotIdIsSet_IsPendingAndUnedited()
    {
        var profile = NewProfile();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(profile.BotId, Is.EqualTo(BotId));
            Assert.That(profile.ExtractionStatus, Is.EqualTo(ProfileExtractionStatus.Pending));
            Assert.That(profile.ExtractedAt, Is.Null);
            Assert.That(profile.EditedFields, Is.Empty);
        }
    }

    [Test]
    public void EveryChange_RaisesTheRevision_SoConcurrentSavesConflict()
    {
        var profile = NewProfile();
        var revisions = new List<int> { profile.Revision };

        profile.ApplyExtraction("Zenpad", null, [], [], Now);
        revisions.Add(profile.Revision);
        profile.EditProductName("Zenpad Pro", Now);
        revisions.Add(profile.Revision);
        profile.EditSummary("Notes.", Now);
        revisions.Add(profile.Revision);
        profile.EditTopics(["Export"], Now);
        revisions.Add(profile.Revision);
        profile.EditGlossary([], Now);
        revisions.Add(profile.Revision);
        profile.MarkExtractionFailed(Now);
        revisions.Add(profile.Revision);

        Assert.That(revisions, Is.EqualTo(new[] { 0, 1, 2, 3, 4, 5, 6 }));
    }

    [Test]
    public void CreateFor_WhenBotIdIsEmpty_Throws() =>
        DomainAssert.ThrowsValidation("bot_id", () => KnowledgeProfile.CreateFor(Guid.Empty, Now));

    [Test]
    public void ApplyExtraction_WhenNothingEdited_TakesEverythingAndDedupesTopicsIgnoringCase()
    {
        var profile = NewProfile();
        var glossary = new GlossaryEntry("SKU", "Stock keeping unit");

        profile.ApplyExtraction("Acme", "Invoicing for shops.", ["Export", "export", "Billing"], [glossary], Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(profile.ProductName, Is.EqualTo("Acme"));
            Assert.That(profile.Summary, Is.EqualTo("Invoicing for shops."));
            Assert.That(profile.Topics, Is.EqualTo(new[] { "Export", "Billing" }));
            Assert.That(profile.Glossary, Is.EqualTo(new[] { glossary }));
            Assert.That(profile.ExtractionStatus, Is.EqualTo(ProfileExtractionStatus.Done));
            Assert.That(profile.ExtractedAt, Is.EqualTo(Now.AddHours(1)));
        }
    }

    [Test]
    public void ApplyExtraction_WhenProductNameWasEdited_KeepsEditedName()
    {
        var profile = NewProfile();
        profile.EditProductName("Acme Cloud", Now);

        Extract(profile, Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(profile.ProductName, Is.EqualTo("Acme Cloud"));
            Assert.That(profile.EditedFields, Does.Contain(KnowledgeProfile.ProductNameField));
            Assert.That(profile.EditedFields, Does.Contain("product_name"));
            Assert.That(profile.Summary, Is.EqualTo("Extracted summary."));
            Assert.That(profile.ExtractionStatus, Is.EqualTo(ProfileExtractionStatus.Done));
        }
    }

    [Test]
    public void ApplyExtraction_WhenEveryFieldWasEdited_KeepsAllEditedValues()
    {
        var profile = NewProfile();
        var glossary = new GlossaryEntry("Seat", "A paid user");
        profile.EditProductName("Acme Cloud", Now);
        profile.EditSummary("Our summary.", Now);
        profile.EditTopics(["Seats"], Now);
        profile.EditGlossary([glossary], Now);

        Extract(profile, Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(profile.ProductName, Is.EqualTo("Acme Cloud"));
            Assert.That(profile.Summary, Is.EqualTo("Our summary."));
            Assert.That(profile.Topics, Is.EqualTo(new[] { "Seats" }));
            Assert.That(profile.Glossary, Is.EqualTo(new[] { glossary }));
            Assert.That(profile.EditedFields, Is.EquivalentTo(new[] { "product_name", "summary", "topics", "glossary" }));
        }
    }

    [Test]
    public void EditProductName_WhenEditedTwice_ListsFieldOnce()
    {
        var profile = NewProfile();

        profile.EditProductName("A", Now);
        profile.EditProductName("B", Now.AddMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(profile.ProductName, Is.EqualTo("B"));
            Assert.That(profile.EditedFields, Is.EqualTo(new[] { "product_name" }));
            Assert.That(profile.UpdatedAt, Is.EqualTo(Now.AddMinutes(1)));
        }
    }

    [Test]
    public void EditTopics_WhenTopicsRepeatAndArePadded_TrimsAndDedupes()
    {
        var profile = NewProfile();

        profile.EditTopics([" Export ", "EXPORT", "Billing"], Now);

        Assert.That(profile.Topics, Is.EqualTo(new[] { "Export", "Billing" }));
    }

    [Test]
    public void EditTopics_WhenATopicIsBlank_ThrowsValidationForTopics() =>
        DomainAssert.ThrowsValidation("topics", () => NewProfile().EditTopics(["Export", " "], Now));

    [Test]
    public void EditGlossary_WhenTermIsBlank_ThrowsValidationForTerm() =>
        DomainAssert.ThrowsValidation("glossary.term", () => NewProfile().EditGlossary([new GlossaryEntry(" ", "x")], Now));

    [Test]
    public void MarkExtractionFailed_WhenCalled_IsFailed()
    {
        var profile = NewProfile();

        profile.MarkExtractionFailed(Now.AddHours(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(profile.ExtractionStatus, Is.EqualTo(ProfileExtractionStatus.Failed));
            Assert.That(profile.UpdatedAt, Is.EqualTo(Now.AddHours(1)));
        }
    }
}
