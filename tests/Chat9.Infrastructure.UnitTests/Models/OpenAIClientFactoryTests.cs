using Azure.AI.OpenAI;
using Chat9.Application.Common.Options;
using Chat9.Infrastructure.Models;
using Microsoft.Extensions.Options;

namespace Chat9.Infrastructure.UnitTests.Models;

/// <summary>Provider configuration (admin.md "Configuration"); nothing here touches the network.</summary>
public sealed class OpenAIClientFactoryTests
{
    [Test]
    public void Validate_ProviderNone_IgnoresEverythingElse()
    {
        var options = new ModelOptions { Provider = ModelProvider.None, Endpoint = "not a url", MaxRetries = -1 };

        Assert.That(OpenAIClientFactory.Validate(options), Is.Empty);
    }

    [Test]
    public void Validate_OpenAIWithoutKey_ReportsTheKey()
    {
        var problems = OpenAIClientFactory.Validate(new ModelOptions { Provider = ModelProvider.OpenAI, ApiKey = " " });

        Assert.That(problems, Has.Count.EqualTo(1).And.One.Contains("Models:ApiKey"));
    }

    [Test]
    public void Validate_AzureWithoutKeyOrEndpoint_ReportsBoth()
    {
        var problems = OpenAIClientFactory.Validate(new ModelOptions { Provider = ModelProvider.Azure });

        Assert.That(problems, Has.Count.EqualTo(2).And.One.Contains("Models:ApiKey").And.One.Contains("Models:Endpoint"));
    }

    [TestCase(null)]
    [TestCase("not a url")]
    [TestCase("/v1")]
    [TestCase("ftp://models.example/v1")]
    public void Validate_CompatibleWithoutUsableEndpoint_ReportsTheEndpoint(string? endpoint)
    {
        var problems = OpenAIClientFactory.Validate(new ModelOptions { Provider = ModelProvider.OpenAICompatible, Endpoint = endpoint });

        Assert.That(problems, Has.Count.EqualTo(1).And.One.Contains("Models:Endpoint"));
    }

    [Test]
    public void Validate_CompatibleWithEndpointAndNoKey_IsFine()
    {
        var options = new ModelOptions { Provider = ModelProvider.OpenAICompatible, Endpoint = "http://127.0.0.1:11434/v1" };

        Assert.That(OpenAIClientFactory.Validate(options), Is.Empty);
    }

    [Test]
    public void Validate_OutOfRangeLimits_ReportsEachKey()
    {
        var options = new ModelOptions
        {
            Provider = ModelProvider.OpenAI, ApiKey = "sk-test", EmbeddingTimeoutSeconds = 0, MaxRetries = -1, BreakerOpenSeconds = 0,
        };

        Assert.That(OpenAIClientFactory.Validate(options), Has.Count.EqualTo(3)
            .And.One.Contains("Models:EmbeddingTimeoutSeconds")
            .And.One.Contains("Models:MaxRetries")
            .And.One.Contains("Models:BreakerOpenSeconds"));
    }

    [Test]
    public void GetClient_ProviderNone_Throws()
    {
        var factory = new OpenAIClientFactory(Options.Create(new ModelOptions { Provider = ModelProvider.None }));

        Assert.That(factory.GetClient, Throws.InvalidOperationException.With.Message.Contains("Models:Provider"));
    }

    [Test]
    public void GetClient_InvalidConfiguration_ThrowsWithTheProblems()
    {
        var factory = new OpenAIClientFactory(Options.Create(new ModelOptions { Provider = ModelProvider.Azure, ApiKey = "key" }));

        Assert.That(factory.GetClient, Throws.InvalidOperationException.With.Message.Contains("Models:Endpoint"));
    }

    [Test]
    public void GetClient_OpenAI_CreatesOneSharedClient()
    {
        var factory = new OpenAIClientFactory(Options.Create(new ModelOptions { Provider = ModelProvider.OpenAI, ApiKey = "sk-test" }));

        var client = factory.GetClient();

        Assert.That(factory.GetClient(), Is.SameAs(client).And.Not.InstanceOf<AzureOpenAIClient>());
    }

    [Test]
    public void GetClient_Azure_CreatesAnAzureClient()
    {
        var options = new ModelOptions { Provider = ModelProvider.Azure, ApiKey = "key", Endpoint = "https://chat9.openai.azure.com/" };

        Assert.That(new OpenAIClientFactory(Options.Create(options)).GetClient(), Is.InstanceOf<AzureOpenAIClient>());
    }
}
