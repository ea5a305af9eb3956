using Mediator;

namespace Chat9.Application.Widget.GetWidgetConfig;

/// <summary><c>GET /widget/config</c>: what the widget needs before it draws, with labels and greeting in the visitor's language.</summary>
/// <param name="Origin">The request's <c>Origin</c> header; null when absent.</param>
/// <param name="LanguageHint">The supported language of the request's <c>locale</c> (or browser hints), if any.</param>
public sealed record GetWidgetConfigQuery(string PublicBotId, string? Origin, string? LanguageHint) : IQuery<WidgetConfigDto>;
