using System.Diagnostics;
using System.Runtime.CompilerServices;
using Chat9.Application.Chat.Common;
using Chat9.Application.Chat.Pipeline.Answering;
using Chat9.Application.Chat.Pipeline.Faq;
using Chat9.Application.Chat.Pipeline.Guarding;
using Chat9.Application.Chat.Pipeline.Language;
using Chat9.Application.Chat.Pipeline.Output;
using Chat9.Application.Chat.Pipeline.Privacy;
using Chat9.Application.Chat.Pipeline.Prompting;
using Chat9.Application.Chat.Retrieval;
using Chat9.Application.Common.Interfaces;
using Chat9.Application.Common.Options;
using Chat9.Domain.Sessions;
using Chat9.Domain.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Chat.Pipeline;

/// <summary>
/// Stages 1–7 of pipeline.md for one turn: guard, in-chat escalation, FAQ, retrieval, confidence gate, answer and output
/// checks. It reads and decides; storing the messages, opening tickets and locking the language are the caller's
/// (<see cref="ChatTurnRunner"/>), so <c>POST /chat/debug</c> runs exactly the same code without side effects.
/// Stage changes and answer text are yielded as they happen; the last step is always <see cref="PipelineFinished"/>.
/// Model failures surface as <see cref="ModelUnavailableException"/> / <see cref="ModelContentRejectedException"/>.
/// </summary>
public sealed class AnswerPipeline(
    KnowledgeRetriever retriever,
    ExtractiveAnswerer extractive,
    FaqMatcher faq,
    LocalGuardRules guardRules,
    MessageLanguageDetector languageDetector,
    AnswerPromptBuilder prompts,
    IAnswerModel answerModel,
    IGuardModel guardModel,
    GreetingComposer greetings,
    ITokenCounter tokenCounter,
    IOptions<LimitsOptions> options,
    ILogger<AnswerPipeline> logger)
{
    private const string Extractive = "extractive";

    public async IAsyncEnumerable<PipelineStep> RunAsync(TurnContext turn, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var run = new Run(turn, options.Value, tokenCounter);
        run.Language = ResolveLanguage(turn, out var detected);
        run.LanguageDetected = detected;

        if (turn.IsGreeting)
        {
            var greeting = await GreetingAsync(turn, run, cancellationToken);
            foreach (var step in run.Reply(MessageOutcome.Greeting, greeting, "canned"))
            {
                yield return step;
            }

            yield break;
        }

        // Stage 2 first for a visitor answering the chat's own question: an e-mail address, or "yes" to the offer.
        if (PendingEscalation(turn, run) is { } pending)
        {
            foreach (var step in pending)
            {
                yield return step;
            }

            yield break;
        }

        // Stage 1: guard.
        var guard = await GuardAsync(turn, run, cancellationToken);
        if (guard is not null)
        {
            foreach (var step in guard)
            {
                yield return step;
            }

            yield break;
        }

        // Stage 3: FAQ short-circuit.
        var faqStarted = Stopwatch.GetTimestamp();
        var faqMatch = await faq.FindBestAsync(turn.Bot.Id, turn.Question, run.Language, cancellationToken);
        var faqThreshold = turn.Bot.Answering.FaqMatchThreshold ?? run.Limits.FaqMatchThresholdLexical;
        run.Faq = new FaqReport(faqMatch is not null && faqMatch.Score >= faqThreshold, faqMatch?.Entry.Id, faqMatch?.Score ?? 0, faqThreshold);
        run.Time("faq", faqStarted);
        if (run.Faq.Matched)
        {
            var answer = faqMatch!.Entry.Answer;
            if (guardModel.IsConfigured && run.LanguageDetected)
            {
                var translation = await guardModel.TranslateAsync(answer, run.Language, cancellationToken);
                if (translation is not null)
                {
                    answer = translation.Text;
                    run.ModelCalls.Add(translation.Usage);
                }
            }

            run.DocumentIds.AddRange(faqMatch.Entry.SourceDocumentId is { } source ? [source] : []);
            foreach (var step in run.Reply(MessageOutcome.Faq, answer, "faq", confidence: faqMatch.Score))
            {
                yield return step;
            }

            yield break;
        }

        // Stage 4: retrieval.
        yield return new PipelineStage(ChatStage.Searching);
        var previousQuestion = turn.History.LastOrDefault(m => m.Role == MessageRole.User)?.Content;
        var retrieval = await retriever.RetrieveAsync(turn.Bot, turn.Question, previousQuestion, cancellationToken, run.RedactForModel);
        run.Retrieval = retrieval;
        if (retrieval.EmbeddingUsage is { } embeddingUsage)
        {
            run.ModelCalls.Add(embeddingUsage);
        }

        run.Timings["retrieval"] = Round(retrieval.Timings.TotalMs);
        run.Timings["lexical"] = Round(retrieval.Timings.LexicalMs);
        run.Timings["vector"] = retrieval.Timings.VectorMs is { } vectorMs ? Round(vectorMs) : null;
        run.Timings["fusion"] = Round(retrieval.Timings.FusionMs);
        yield return new PipelineRetrieved(run.Guard, run.Faq, retrieval);

        // Stage 5: confidence gate.
        if (retrieval.IndexedChunks == 0)
        {
            foreach (var step in run.Reply(MessageOutcome.NoDocuments, run.WithOffer(CannedText.NoDocuments), "canned", confidence: 0))
            {
                yield return step;
            }

            yield break;
        }

        if (retrieval.Confidence < retrieval.LowConfidenceThreshold || !retrieval.Context.Any())
        {
            foreach (var step in run.Reply(MessageOutcome.LowConfidence, run.WithOffer(CannedText.LowConfidence), "canned", confidence: retrieval.Confidence))
            {
                yield return step;
            }

            yield break;
        }

        // Stage 6 and 7: answer and output checks.
        if (answerModel.IsConfigured && !turn.DryRun)
        {
            // From here on only the context's text is read, and a streamed answer can stay open for a minute: the
            // other candidates keep their ids and scores (diagnostics) but let go of their text.
            retrieval = retrieval.WithoutTextOutsideContext();
            run.Retrieval = retrieval;
        }

        var steps = answerModel.IsConfigured
            ? ModelAnswerAsync(turn, run, retrieval, cancellationToken)
            : ExtractiveAnswerAsync(turn, run, retrieval, cancellationToken);
        await foreach (var step in steps)
        {
            yield return step;
        }
    }

    private string ResolveLanguage(TurnContext turn, out bool detected)
    {
        detected = false;
        if (turn.Session?.Language is { } locked)
        {
            detected = true;
            return locked;
        }

        if (!turn.IsGreeting && languageDetector.Detect(turn.Question) is { } language)
        {
            detected = true;
            return language;
        }

        return turn.LanguageHint ?? "en";
    }

    private async Task<string> GreetingAsync(TurnContext turn, Run run, CancellationToken cancellationToken)
    {
        var greeting = await greetings.ComposeAsync(turn.Bot, turn.ProductName, turn.UserName, run.Language, cancellationToken);
        if (greeting.TranslationUsage is { } usage)
        {
            run.ModelCalls.Add(usage);
        }

        return greeting.Text;
    }

    /// <summary>The visitor is answering the chat: the e-mail it asked for, or "yes" to an offer of a human.</summary>
    private IReadOnlyList<PipelineStep>? PendingEscalation(TurnContext turn, Run run)
    {
        if (!turn.Bot.Escalation.Enabled)
        {
            return null;
        }

        if (turn.Session?.PendingContactTrigger is { } trigger)
        {
            var escalation = new EscalationIntent(trigger, LocalGuardRules.FindEmail(turn.Question));
            return [run.Finish(MessageOutcome.Escalation, string.Empty, "canned", escalation: escalation)];
        }

        var offered = turn.LastAssistantMessage?.Outcome switch
        {
            MessageOutcome.LowConfidence => TicketTrigger.LowConfidence,
            MessageOutcome.NoDocuments => TicketTrigger.NoDocuments,
            _ => (TicketTrigger?)null,
        };
        if (offered is { } accepted && guardRules.IsAffirmative(turn.Question))
        {
            run.Guard = new GuardReport("human_request", null, [new GuardCheckReport("human_request", "flag", 1, "accepted_offer")]);
            var request = HumanRequest(turn, run, accepted);
            return request.Escalation is { } escalation
                ? [run.Finish(MessageOutcome.Escalation, string.Empty, "canned", escalation: escalation)]
                : [.. run.Reply(request.Outcome, request.Text, "canned", awaitContact: request.AwaitContact)];
        }

        return null;
    }

    /// <summary>Stage 1. Returns the reply steps when the guard answers the turn itself, else null.</summary>
    private async Task<IReadOnlyList<PipelineStep>?> GuardAsync(TurnContext turn, Run run, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var local = guardRules.Check(turn.Question);
        var checks = new List<GuardCheckReport> { new("length", "pass", 0, null) };
        checks.AddRange(local.Checks.Select(c => new GuardCheckReport(c.Name, Lower(c.Result.ToString()), Math.Round(c.Score, 3), c.Detail)));

        var verdict = local.Verdict;
        var refusal = local.Refusal;
        var smalltalk = local.Smalltalk;
        var offTopic = false;
        string? model = null;
        if (guardModel.IsConfigured && verdict != GuardVerdict.Refuse)
        {
            var classification = await guardModel.ClassifyAsync(run.RedactForModel(turn.Question), GuardContext(turn), cancellationToken);
            if (classification is null)
            {
                logger.LogInformation("Guard model unavailable; local rules decide alone.");
            }
            else
            {
                model = classification.Usage.Model;
                run.ModelCalls.Add(classification.Usage);
                (verdict, refusal, offTopic) = Combine(verdict, refusal, classification);
                checks.Add(new GuardCheckReport("topic", offTopic ? "refuse" : "pass", Math.Round(classification.Category == GuardCategory.OffTopic ? classification.Score : 0, 3), null));
                if (verdict == GuardVerdict.Smalltalk && smalltalk == SmalltalkKind.None)
                {
                    smalltalk = SmalltalkKind.Hello;
                }
            }
        }

        run.Guard = new GuardReport(
            verdict switch
            {
                GuardVerdict.Refuse => "refuse",
                GuardVerdict.Smalltalk => "smalltalk",
                GuardVerdict.HumanRequest => "human_request",
                _ => offTopic ? "refuse" : "pass",
            },
            model,
            checks);
        run.Time("guard", started);

        var product = new Dictionary<string, string> { ["product_name"] = turn.ProductName };
        if (verdict == GuardVerdict.Refuse)
        {
            var text = CannedTexts.Get(refusal == RefusalKind.Abuse ? CannedText.RefusedAbuse : CannedText.RefusedInjection, run.Language, product);
            return [.. run.Reply(MessageOutcome.Refused, text, "canned")];
        }

        if (offTopic)
        {
            return [.. run.Reply(MessageOutcome.OffTopic, CannedTexts.Get(CannedText.OffTopic, run.Language, product), "canned")];
        }

        if (verdict == GuardVerdict.HumanRequest)
        {
            var request = HumanRequest(turn, run, TicketTrigger.UserRequest);
            return request.Escalation is { } escalation
                ? [run.Finish(MessageOutcome.Escalation, string.Empty, "canned", escalation: escalation)]
                : [.. run.Reply(request.Outcome, request.Text, "canned", awaitContact: request.AwaitContact)];
        }

        if (verdict == GuardVerdict.Smalltalk)
        {
            var text = CannedTexts.Get(smalltalk == SmalltalkKind.Thanks ? CannedText.SmalltalkThanks : CannedText.SmalltalkHello, run.Language, product);
            return [.. run.Reply(MessageOutcome.Smalltalk, text, "canned")];
        }

        return null;
    }

    private static (GuardVerdict Verdict, RefusalKind Refusal, bool OffTopic) Combine(GuardVerdict local, RefusalKind refusal, GuardClassification model)
    {
        const double Confident = 0.5;
        if (model.Score < Confident)
        {
            return (local, refusal, false);
        }

        return model.Category switch
        {
            GuardCategory.PromptInjection => (GuardVerdict.Refuse, RefusalKind.PromptInjection, false),
            GuardCategory.Abuse => (GuardVerdict.Refuse, RefusalKind.Abuse, false),
            GuardCategory.HumanRequest when local == GuardVerdict.Pass => (GuardVerdict.HumanRequest, refusal, false),
            GuardCategory.Smalltalk when local == GuardVerdict.Pass => (local, refusal, false),
            GuardCategory.OffTopic when local == GuardVerdict.Pass => (local, refusal, true),
            _ => (local, refusal, false),
        };
    }

    private (MessageOutcome Outcome, string Text, EscalationIntent? Escalation, TicketTrigger? AwaitContact) HumanRequest(
        TurnContext turn, Run run, TicketTrigger trigger)
    {
        if (!turn.Bot.Escalation.Enabled)
        {
            var text = CannedTexts.Get(CannedText.HumanUnavailable, run.Language, new Dictionary<string, string> { ["product_name"] = turn.ProductName });
            return (MessageOutcome.Smalltalk, text, null, null);
        }

        return turn.KnownEmail is { } email
            ? (MessageOutcome.Escalation, string.Empty, new EscalationIntent(trigger, email), null)
            : (MessageOutcome.EmailRequest, CannedTexts.Get(CannedText.EmailRequest, run.Language), null, trigger);
    }

    private async IAsyncEnumerable<PipelineStep> ExtractiveAnswerAsync(
        TurnContext turn, Run run, RetrievalResult retrieval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var answer = extractive.Compose(turn.Question, run.Language, retrieval, CannedTexts.Get(CannedText.ExtractiveLeadIn, run.Language));
        if (answer.IsEmpty)
        {
            foreach (var step in run.Reply(MessageOutcome.LowConfidence, run.WithOffer(CannedText.LowConfidence), "canned", confidence: retrieval.Confidence))
            {
                yield return step;
            }

            yield break;
        }

        yield return new PipelineStage(ChatStage.Writing);
        run.Timings["first_token"] = Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        foreach (var piece in answer.Pieces)
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.Append(piece);
            yield return new PipelineChunk(piece);
        }

        run.Time("generation", started);
        run.AddSources(answer.QuotedChunks.Select(c => c.Chunk));
        yield return run.Finish(MessageOutcome.Answer, run.Text, Extractive, confidence: retrieval.Confidence);
    }

    private async IAsyncEnumerable<PipelineStep> ModelAnswerAsync(
        TurnContext turn, Run run, RetrievalResult retrieval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var limits = run.Limits;
        var context = retrieval.Context.ToList();
        var clarificationAllowed = !(turn.Session?.HasAskedClarification ?? false) && limits.ClarifyingQuestionsPerSession > 0;
        var history = turn.History
            .Where(m => m.Outcome is not MessageOutcome.Greeting)
            .TakeLast(limits.MemoryMessages)
            .Select(m => new PromptMessage(
                m.Role == MessageRole.User ? PromptRole.User : PromptRole.Assistant,
                run.RedactForModel(Cut(m.Content, limits.MemoryMessageMaxChars))))
            .ToList();
        var prompt = prompts.Build(new AnswerPromptInput(
            turn.Bot.Name,
            turn.Profile?.ProductName,
            turn.Bot.Instructions,
            [.. (turn.Profile?.Glossary ?? []).Select(g => (g.Term, g.Definition))],
            [.. context.Select(c => new PromptContextChunk(c.Chunk.Filename, c.Chunk.HeadingPath, c.Chunk.Text))],
            ConversationLanguages.EnglishName(run.Language),
            history,
            run.RedactForModel(turn.Question),
            clarificationAllowed,
            limits.AnswerMaxTokens));
        var filter = new AnswerStreamFilter(prompt.Canary, prompt.RulesText, run.Redactor.Restore, context.Count, clarificationAllowed);

        var started = Stopwatch.GetTimestamp();
        var writing = false;
        await foreach (var delta in answerModel.StreamAsync(prompt.Request, cancellationToken))
        {
            if (delta is AnswerUsageDelta usage)
            {
                run.ModelCalls.Add(usage.Usage);
                continue;
            }

            if (delta is not AnswerTextDelta text)
            {
                continue;
            }

            foreach (var visible in filter.Push(text.Text))
            {
                if (!writing)
                {
                    writing = true;
                    run.Timings["first_token"] = Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    yield return new PipelineStage(ChatStage.Writing);
                }

                run.Append(visible);
                yield return new PipelineChunk(visible);
            }

            if (filter.Leaked)
            {
                // Stop generating: nothing more of this reply may reach the visitor.
                break;
            }
        }

        foreach (var visible in filter.Complete())
        {
            if (!writing)
            {
                writing = true;
                yield return new PipelineStage(ChatStage.Writing);
            }

            run.Append(visible);
            yield return new PipelineChunk(visible);
        }

        run.Time("generation", started);
        if (!run.ModelCalls.Any(c => c.Purpose == "answer"))
        {
            // The provider sent no usage: count with the tokenizer, as pipeline.md allows.
            run.ModelCalls.Add(new ModelUsage(answerModel.ModelName ?? "answer", "answer", prompt.Request.Messages.Sum(m => run.CountTokens(m.Content)), run.CountTokens(filter.VisibleText)));
        }

        var answerer = answerModel.ModelName ?? "answer";
        if (filter.NotFound || (filter.VisibleText.Trim().Length == 0 && !filter.Leaked))
        {
            var notFound = run.WithOffer(CannedText.LowConfidence);
            foreach (var step in run.Reply(MessageOutcome.LowConfidence, notFound, answerer, confidence: retrieval.Confidence, writingSent: writing))
            {
                yield return step;
            }

            yield break;
        }

        var cited = filter.Citations.Where(n => n >= 1 && n <= context.Count).Select(n => context[n - 1].Chunk).ToList();
        run.AddSources(cited.Count > 0 ? cited : [context[0].Chunk]);

        if (filter.Leaked)
        {
            var refusal = Separator(run.Text) + CannedTexts.Get(CannedText.LeakRefusal, run.Language);
            run.Append(refusal);
            yield return new PipelineChunk(refusal);
            yield return run.Finish(MessageOutcome.Refused, run.Text, answerer, confidence: retrieval.Confidence);
            yield break;
        }

        var outcome = filter.Clarification ? MessageOutcome.Clarification : MessageOutcome.Answer;
        bool? grounded = null;
        if (guardModel.IsConfigured && outcome == MessageOutcome.Answer)
        {
            var validationStarted = Stopwatch.GetTimestamp();
            // The visible text has the visitor's data restored: redact it again (same placeholders) before it leaves.
            var verdict = await guardModel.CheckGroundingAsync(run.RedactForModel(filter.VisibleText), [.. context.Select(c => c.Chunk.Text)], cancellationToken);
            run.Time("validation", validationStarted);
            if (verdict is not null)
            {
                run.ModelCalls.Add(verdict.Usage);
                grounded = verdict.Grounded;
                if (!verdict.Grounded)
                {
                    var caveat = Separator(run.Text) + CannedTexts.Get(CannedText.GroundingCaveat, run.Language);
                    run.Append(caveat);
                    yield return new PipelineChunk(caveat);
                    outcome = MessageOutcome.LowConfidence;
                }
            }
        }

        yield return run.Finish(outcome, run.Text, answerer, confidence: retrieval.Confidence, grounded: grounded);
    }

    private static string GuardContext(TurnContext turn)
    {
        var topics = turn.Profile?.Topics is { Count: > 0 } list ? " Topics: " + string.Join(", ", list.Take(20)) + "." : string.Empty;
        return $"{turn.ProductName}.{topics} {turn.Profile?.Summary}".Trim();
    }

    private static string Separator(string text) => text.Length == 0 ? string.Empty : text.EndsWith('\n') ? "\n" : "\n\n";

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    private static string Lower(string value) => value.ToLowerInvariant();

    private static double Round(double ms) => Math.Round(ms, 2);

    /// <summary>The state of one run: what was said so far, what it cost and how long each stage took.</summary>
    private sealed class Run(TurnContext turn, LimitsOptions limits, ITokenCounter tokenCounter)
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private readonly List<SourceReference> _sources = [];
        private string _text = string.Empty;

        public LimitsOptions Limits { get; } = limits;

        public string Language { get; set; } = "en";

        public bool LanguageDetected { get; set; }

        public PiiRedactor Redactor { get; } = new();

        public GuardReport Guard { get; set; } = GuardReport.Skipped;

        public FaqReport Faq { get; set; } = FaqReport.Skipped;

        public RetrievalResult? Retrieval { get; set; }

        public List<ModelUsage> ModelCalls { get; } = [];

        public List<Guid> DocumentIds { get; } = [];

        public Dictionary<string, double?> Timings { get; } = new()
        {
            ["guard"] = null, ["faq"] = null, ["retrieval"] = null, ["lexical"] = null, ["vector"] = null, ["fusion"] = null,
            ["generation"] = null, ["first_token"] = null, ["validation"] = null,
        };

        public string Text => _text;

        public string RedactForModel(string text) => Redactor.Redact(text).Text;

        public int CountTokens(string text) => tokenCounter.CountTokens(text);

        public void Append(string piece) => _text += piece;

        public void Time(string stage, long started) => Timings[stage] = Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        public string WithOffer(CannedText text) =>
            turn.Bot.Escalation.Enabled
                ? CannedTexts.Get(text, Language) + " " + CannedTexts.Get(CannedText.OfferHuman, Language)
                : CannedTexts.Get(text, Language);

        public void AddSources(IEnumerable<ChunkDetails> chunks)
        {
            foreach (var chunk in chunks)
            {
                if (!DocumentIds.Contains(chunk.DocumentId))
                {
                    DocumentIds.Add(chunk.DocumentId);
                }

                if (chunk.SourceUrl is { } url && _sources.All(s => s.Url != url) && _sources.Count < Limits.MaxSources)
                {
                    _sources.Add(new SourceReference(chunk.Filename, url));
                }
            }
        }

        /// <summary>A complete reply written at once (canned texts, the greeting, an FAQ answer), streamed in sentence-sized pieces.</summary>
        public IEnumerable<PipelineStep> Reply(
            MessageOutcome outcome, string text, string answerer, double? confidence = null, TicketTrigger? awaitContact = null, bool writingSent = false)
        {
            if (!writingSent)
            {
                yield return new PipelineStage(ChatStage.Writing);
            }

            foreach (var piece in TextPieces.Split(text))
            {
                Append(piece);
                yield return new PipelineChunk(piece);
            }

            yield return Finish(outcome, Text, answerer, confidence, awaitContact: awaitContact);
        }

        public PipelineFinished Finish(
            MessageOutcome outcome, string text, string answerer, double? confidence = null, bool? grounded = null,
            EscalationIntent? escalation = null, TicketTrigger? awaitContact = null)
        {
            var timings = new Dictionary<string, double?>(Timings) { ["total"] = Round(Stopwatch.GetElapsedTime(_started).TotalMilliseconds) };
            return new PipelineFinished(new PipelineResult(
                outcome,
                text,
                confidence is { } value ? Math.Round(Math.Clamp(value, 0, 1), 4) : null,
                [.. _sources],
                [.. DocumentIds],
                Language,
                LanguageDetected,
                escalation,
                awaitContact,
                Guard,
                Faq,
                Retrieval,
                new AnswerReport(answerer, grounded),
                [.. ModelCalls],
                timings,
                Redactor.Counts));
        }
    }
}
