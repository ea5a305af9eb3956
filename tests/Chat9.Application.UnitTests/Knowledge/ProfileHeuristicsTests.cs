using Chat9.Application.Common.Options;
using Chat9.Application.Knowledge.Profile.ExtractKnowledgeProfile;
using static Chat9.Application.UnitTests.Knowledge.KnowledgeTesting;

namespace Chat9.Application.UnitTests.Knowledge;

public sealed class ProfileHeuristicsTests
{
    private static readonly ProfileLimits Limits = new();

    [Test]
    public void ProductName_IsTheBotsName_AsTheTitlesSpellIt()
    {
        var name = ProfileHeuristics.ProductName("notewell help", ["Plans and Billing", "Getting Started with Notewell"], Limits);

        Assert.That(name, Is.EqualTo("Notewell"));
    }

    [Test]
    public void ProductName_PrefersThePartTheTitlesShare_WhenItNamesTheBot()
    {
        var name = ProfileHeuristics.ProductName("Acme Support Bot", ["Acme Cloud: Billing", "Acme Cloud – Setup", "Acme Cloud | API"], Limits);

        Assert.That(name, Is.EqualTo("Acme Cloud"));
    }

    [Test]
    public void ProductName_FallsBackToTheSharedTitle_ThenToTheBotsNameWithoutAssistantWords()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ProfileHeuristics.ProductName("Helpdesk", ["Zeta Docs: Introduction", "Zeta Docs: Billing"], Limits), Is.EqualTo("Zeta"));
            Assert.That(ProfileHeuristics.ProductName("Orbit Assistant", ["Billing", "Setup"], Limits), Is.EqualTo("Orbit"));
            Assert.That(ProfileHeuristics.ProductName(new string('x', 201), [], Limits), Is.Null, "over the product name limit");
        }
    }

    [Test]
    public void Summary_IsTheOpeningOfTheMainDocument_AsPlainText()
    {
        var main = Document("Getting Started with Notewell", """
            # Getting Started with Notewell

            Welcome to **Notewell**, the notes app for the [web](https://notewell.example) and phones. It keeps your notes in sync.

            - Not part of the summary

            ## Create your account

            Sign up on the web.
            """);

        var summary = ProfileHeuristics.Summary([main], Limits);

        Assert.That(summary, Is.EqualTo("Welcome to Notewell, the notes app for the web and phones. It keeps your notes in sync."));
    }

    [Test]
    public void Summary_StaysWithinItsLimit_EndingAtASentence()
    {
        var longText = string.Join(' ', Enumerable.Repeat("Notewell keeps every note in sync across devices.", 80));
        var summary = ProfileHeuristics.Summary([Document("Intro", "# Intro\n\n" + longText)], new ProfileLimits { SummaryMaxChars = 200 });

        Assert.That(summary, Has.Length.LessThanOrEqualTo(200).And.EndsWith("devices."));
    }

    [Test]
    public void Topics_AreTitlesThenTopHeadings_CleanedAndWithoutDuplicatesQuestionsOrGenericHeadings()
    {
        var first = Document("Account and Security", """
            # Account and Security

            ## 1. Reset your password

            Text.

            ## Two-factor authentication (2FA):

            Text.

            ### Recovery codes

            Text.

            ## How do I delete my account?

            Text.

            ## Next steps

            Text.
            """);
        var second = Document("Sharing", """
            # Sharing

            ## Reset Your Password

            Text.

            ## Step 2: Permission levels

            Text.
            """);

        var topics = ProfileHeuristics.Topics([first, second], Limits);

        Assert.That(topics, Is.EqualTo(new[] { "Account and Security", "Sharing", "Reset your password", "Two-factor authentication (2FA)", "Permission levels" }));
    }

    [Test]
    public void Topics_StopAtTheLimit_AndSkipTopicsOverTheirLength()
    {
        var headings = string.Join("\n\n", Enumerable.Range(1, 80).Select(i => $"## Topic number {i}\n\nText."));
        var document = Document("Guide", "# Guide\n\n## " + new string('t', 101) + "\n\nText.\n\n" + headings);

        var topics = ProfileHeuristics.Topics([document], new ProfileLimits { MaxTopics = 50 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(topics, Has.Count.EqualTo(50));
            Assert.That(topics, Has.All.Length.LessThanOrEqualTo(100));
            Assert.That(topics[1], Is.EqualTo("Topic number 1"));
        }
    }

    [Test]
    public void Extract_WithoutDocuments_IsEmpty()
    {
        var draft = ProfileHeuristics.Extract("Notewell", [], Limits);

        Assert.That(draft, Is.EqualTo(ProfileDraft.Empty));
    }
}
