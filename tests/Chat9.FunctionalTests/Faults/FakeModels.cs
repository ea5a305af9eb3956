using Chat9.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;

namespace Chat9.FunctionalTests.Faults;

/// <summary>Helpers for fixtures whose model is a <see cref="Chat9.Testing.FakeOpenAIServer"/>.</summary>
public static class FakeModels
{
    /// <summary>
    /// Makes a few successful answer calls straight through the server's answer model, once the fake answers again.
    /// The breakers are shared by every call of the server, so one case's failures would otherwise open the circuit
    /// (at least half of 10 calls in 30 s) for the next; these successes close a half-open circuit and keep the
    /// failure ratio low, so each case meets the failure it arranges and nothing else.
    /// </summary>
    public static async Task CloseAnswerCircuitAsync(IServiceProvider services, int successes = 3)
    {
        var model = services.GetRequiredService<IAnswerModel>();
        var request = new AnswerRequest([new PromptMessage(PromptRole.System, "Heal."), new PromptMessage(PromptRole.User, "Ping?")], 50);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        for (var done = 0; done < successes;)
        {
            try
            {
                await foreach (var _ in model.StreamAsync(request, CancellationToken.None))
                {
                }

                done++;
            }
            catch (ModelUnavailableException) when (DateTime.UtcNow < deadline)
            {
                // The circuit is open: it lets a trial call through once its break is over.
                await Task.Delay(200);
            }
        }
    }
}
