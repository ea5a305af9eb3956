using Chat9.Application.Chat.Pipeline.Language;

namespace Chat9.WebApi.Infrastructure;

/// <summary>
/// The language a request hints at (pipeline.md "Language"): the explicit locales it names, in order, then the
/// <c>X-Browser-Locale</c> header, then <c>Accept-Language</c>. Null when none names a supported language.
/// An invalid locale is ignored, never an error.
/// </summary>
public static class RequestLanguage
{
    public static string? Hint(HttpContext context, params string?[] locales)
    {
        foreach (var locale in locales)
        {
            if (ConversationLanguages.FromLocale(locale) is { } language)
            {
                return language;
            }
        }

        return ConversationLanguages.FromLocale(context.Request.Headers["X-Browser-Locale"].ToString())
            ?? ConversationLanguages.FromAcceptLanguage(context.Request.Headers.AcceptLanguage.ToString());
    }

    /// <summary>The request's <c>Origin</c> header, or null when it sent none (servers and curl are not checked).</summary>
    public static string? Origin(HttpContext context) =>
        context.Request.Headers.Origin.Count > 0 ? context.Request.Headers.Origin.ToString() : null;
}
