using Chat9.Application.Chat.Common;
using Chat9.Application.Chat.Pipeline;
using Chat9.Application.Chat.Pipeline.Answering;
using Chat9.Application.Chat.Pipeline.Faq;
using Chat9.Application.Chat.Pipeline.Guarding;
using Chat9.Application.Chat.Pipeline.Language;
using Chat9.Application.Chat.Pipeline.Prompting;
using Chat9.Application.Chat.Retrieval;
using Chat9.Application.Escalations.Common;
using Chat9.Application.Widget.Common;
using Chat9.Application.Common.Behaviours;
using Chat9.Application.Documents.Processing;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Chat9.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(Domain.Common.Entity), typeof(DependencyInjection)];
            // Outermost first.
            options.PipelineBehaviors =
            [
                typeof(UnhandledExceptionBehaviour<,>),
                typeof(LoggingBehaviour<,>),
                typeof(ValidationBehaviour<,>),
            ];
        });
        services.AddScoped<StructureAwareChunker>();
        services.AddScoped<DocumentHealthChecker>();
        services.AddScoped<DocumentIngestion>();
        services.AddScoped<ChunkEmbedder>();
        services.AddScoped<KnowledgeRetriever>();
        services.AddScoped<AnswerPipeline>();
        services.AddScoped<GreetingComposer>();
        services.AddScoped<ChatTurnRunner>();
        services.AddScoped<SessionTurnGate>();
        services.AddScoped<FaqMatcher>();
        services.AddScoped<Knowledge.Common.KnowledgeDocuments>();
        services.AddScoped<TicketOpener>();
        services.AddScoped<SessionEscalator>();
        services.AddScoped<WidgetBots>();
        services.AddScoped<Jobs.Common.BotJobQueue>();
        services.AddScoped<Gaps.Common.QuestionClusterer>();
        services.AddScoped<Gaps.Common.GapResolutionCheck>();
        services.AddSingleton<ExtractiveAnswerer>();
        services.AddSingleton<LocalGuardRules>();
        services.AddSingleton<MessageLanguageDetector>();
        services.AddSingleton<AnswerPromptBuilder>();
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        return services;
    }
}
