using Chat9.Application.Chat.Pipeline.Language;
using Chat9.Application.Common.Options;
using Chat9.Application.Widget.Common;
using Chat9.Domain.Common.Persistence;
using Chat9.Domain.Knowledge;
using Chat9.Domain.Knowledge.Specifications;
using Mediator;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Widget.GetWidgetConfig;

public sealed class GetWidgetConfigQueryHandler(
    WidgetBots widgetBots,
    IReadRepository<KnowledgeProfile> profiles,
    GreetingComposer greetings,
    IOptions<LimitsOptions> limits)
    : IQueryHandler<GetWidgetConfigQuery, WidgetConfigDto>
{
    public async ValueTask<WidgetConfigDto> Handle(GetWidgetConfigQuery query, CancellationToken cancellationToken)
    {
        var bot = await widgetBots.ResolveAsync(query.PublicBotId, query.Origin, cancellationToken);
        var language = query.LanguageHint ?? ConversationLanguages.Default;
        var profile = await profiles.FirstOrDefaultAsync(new KnowledgeProfileOfBotSpec(bot.Id), cancellationToken);
        var productName = string.IsNullOrWhiteSpace(profile?.ProductName) ? bot.Name : profile.ProductName!;
        var greeting = await greetings.ComposeAsync(bot, productName, userName: null, language, cancellationToken);
        var labels = new LinkSafetyLabelsDto(
            CannedTexts.Get(CannedText.LinkSafetyTitle, language),
            CannedTexts.Get(CannedText.LinkSafetyBody, language),
            CannedTexts.Get(CannedText.LinkSafetyContinue, language),
            CannedTexts.Get(CannedText.LinkSafetyCancel, language));
        return new WidgetConfigDto(
            bot.Name,
            greeting.Text,
            bot.AccentColor,
            bot.LinkSafetyEnabled,
            bot.AllowedDomains,
            labels,
            bot.Escalation.Enabled,
            limits.Value.MessageMaxChars,
            limits.Value.WidgetSessionTtlHours);
    }
}
