using Microsoft.AspNetCore.Authorization;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Chat9.WebApi.Infrastructure.OpenApi;

/// <summary>Marks exactly the endpoints that require an API key with both accepted key schemes.</summary>
internal sealed class ManagementSecurityProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        var metadata = (context as AspNetCoreOperationProcessorContext)?.ApiDescription.ActionDescriptor.EndpointMetadata ?? [];
        var requiresKey = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        if (requiresKey)
        {
            context.OperationDescription.Operation.Security =
            [
                new OpenApiSecurityRequirement { [OpenApiSetup.BearerScheme] = [] },
                new OpenApiSecurityRequirement { [OpenApiSetup.HeaderScheme] = [] },
            ];
        }
        else
        {
            context.OperationDescription.Operation.Security = [];
        }

        return true;
    }
}
