using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Chat9.Application.Common.Options;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;

namespace Chat9.Infrastructure.Models;

/// <summary>
/// The one SDK client for the configured provider (admin.md "Configuration"): OpenAI, Azure OpenAI (model names are
/// deployment names) or any OpenAI-compatible server. Register as a singleton; the client holds the connection pool.
/// </summary>
/// <remarks>
/// OpenAI always means api.openai.com: <c>Models:Endpoint</c> applies to Azure and compatible servers only.
/// The SDK's own retries are off, so <see cref="ModelResilience"/> is the only retry layer, and its network timeout
/// is only a backstop behind the Chat9 timeouts.
/// </remarks>
public sealed class OpenAIClientFactory
{
    /// <summary>OpenAI-compatible servers without authentication still get a bearer token, as the SDK requires one.</summary>
    private const string PlaceholderKey = "unused";

    private readonly Lazy<OpenAIClient> _client;

    public OpenAIClientFactory(IOptions<ModelOptions> options)
    {
        var settings = options.Value;
        _client = new Lazy<OpenAIClient>(() => Create(settings));
    }

    /// <summary>The shared client. Throws <see cref="InvalidOperationException"/> when no provider is configured or the
    /// configuration is invalid (see <see cref="Validate"/>).</summary>
    public OpenAIClient GetClient() => _client.Value;

    /// <param name="model">The model name, or the deployment name on Azure.</param>
    public EmbeddingClient GetEmbeddingClient(string model) => GetClient().GetEmbeddingClient(model);

    /// <param name="model">The model name, or the deployment name on Azure.</param>
    public ChatClient GetChatClient(string model) => GetClient().GetChatClient(model);

    /// <summary>Everything wrong with the provider settings, so the host can refuse to start; empty when usable.</summary>
    public static IReadOnlyList<string> Validate(ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == ModelProvider.None)
        {
            return [];
        }

        var problems = new List<string>();
        var provider = options.Provider.ToString();
        if ((options.Provider is ModelProvider.OpenAI or ModelProvider.Azure) && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            problems.Add($"Models:ApiKey is required for the {provider} provider.");
        }

        if ((options.Provider is ModelProvider.Azure or ModelProvider.OpenAICompatible) && ParseEndpoint(options.Endpoint) is null)
        {
            problems.Add($"Models:Endpoint must be an absolute http or https URL for the {provider} provider.");
        }

        AddRangeProblem(problems, "Models:EmbeddingTimeoutSeconds", options.EmbeddingTimeoutSeconds, 1, 86_400);
        AddRangeProblem(problems, "Models:FirstTokenTimeoutSeconds", options.FirstTokenTimeoutSeconds, 1, 86_400);
        AddRangeProblem(problems, "Models:AnswerTimeoutSeconds", options.AnswerTimeoutSeconds, 1, 86_400);
        AddRangeProblem(problems, "Models:GuardTimeoutSeconds", options.GuardTimeoutSeconds, 1, 86_400);
        AddRangeProblem(problems, "Models:MaxRetries", options.MaxRetries, 0, 10);
        AddRangeProblem(problems, "Models:BreakerFailures", options.BreakerFailures, 1, 1_000);
        AddRangeProblem(problems, "Models:BreakerOpenSeconds", options.BreakerOpenSeconds, 1, 86_400);
        return problems;
    }

    private static OpenAIClient Create(ModelOptions options)
    {
        if (options.Provider == ModelProvider.None)
        {
            throw new InvalidOperationException("No model provider is configured (Models:Provider is none).");
        }

        var problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The model configuration is invalid: " + string.Join(" ", problems));
        }

        var networkTimeout = NetworkTimeout(options);
        var noRetries = new ClientRetryPolicy(maxRetries: 0);
        var transport = new HttpClientPipelineTransport(CreateHttpClient());
        return options.Provider switch
        {
            ModelProvider.OpenAI => new OpenAIClient(new ApiKeyCredential(options.ApiKey!),
                new OpenAIClientOptions { RetryPolicy = noRetries, NetworkTimeout = networkTimeout, Transport = transport }),
            ModelProvider.Azure => new AzureOpenAIClient(ParseEndpoint(options.Endpoint)!, new ApiKeyCredential(options.ApiKey!),
                AzureOptions(noRetries, networkTimeout, transport)),
            ModelProvider.OpenAICompatible => new OpenAIClient(
                new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? PlaceholderKey : options.ApiKey),
                new OpenAIClientOptions
                {
                    Endpoint = ParseEndpoint(options.Endpoint), RetryPolicy = noRetries, NetworkTimeout = networkTimeout, Transport = transport,
                }),
            _ => throw new InvalidOperationException($"Unknown model provider {options.Provider}."),
        };
    }

    private static AzureOpenAIClientOptions AzureOptions(ClientRetryPolicy retryPolicy, TimeSpan networkTimeout, PipelineTransport transport)
    {
        var options = new AzureOpenAIClientOptions { RetryPolicy = retryPolicy, NetworkTimeout = networkTimeout, Transport = transport };
        options.AddPolicy(new AzureReasoningTokensPolicy(), PipelinePosition.BeforeTransport);
        return options;
    }

    /// <summary>
    /// Like the SDK's default client (no redirects, no cookies, no client-level timeout: the pipeline's network timeout and
    /// <see cref="ModelResilience"/> bound the calls), except that a response left unread is not drained: an answer stream
    /// the caller stops reading (leak guard, a dropped visitor) closes its connection at once, so the provider stops
    /// generating, instead of being read on for up to two seconds to save the connection.
    /// </summary>
    private static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        MaxResponseDrainSize = 0,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private static TimeSpan NetworkTimeout(ModelOptions options)
    {
        var longest = new[]
        {
            options.EmbeddingTimeoutSeconds, options.GuardTimeoutSeconds, options.FirstTokenTimeoutSeconds, options.AnswerTimeoutSeconds,
        }.Max();
        return TimeSpan.FromSeconds(longest) + TimeSpan.FromMinutes(1);
    }

    private static Uri? ParseEndpoint(string? endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;

    private static void AddRangeProblem(List<string> problems, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            problems.Add($"{key} must be between {min} and {max} (is {value}).");
        }
    }
}
