using Chat9.Application.Chat.Retrieval;
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
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        return services;
    }
}
