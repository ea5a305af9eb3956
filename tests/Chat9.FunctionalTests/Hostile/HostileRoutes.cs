using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Chat9.Application.Common.Models;
using Chat9.WebApi.Infrastructure.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Chat9.FunctionalTests.Hostile;

public enum Surface
{
    /// <summary>The management API: the bot's API key.</summary>
    Management,

    /// <summary>The public widget API: the bot's public id in the query or body.</summary>
    Widget,

    /// <summary>Operations, the widget script and the demo pages: no credential at all.</summary>
    Public,
}

public enum BodyKind
{
    None,
    Json,

    /// <summary>A JSON body that may be left out (no bytes at all).</summary>
    OptionalJson,
    Multipart,
}

/// <summary>What an id in a path (or the widget's <c>session_id</c>) names, so the suite can fill in real, unknown and other bots' ids.</summary>
public enum IdKind
{
    Document,
    Source,
    SourcePage,
    Session,

    /// <summary>The session of <c>POST /chat/{session_id}/escalate</c>: session rules (422 session_invalid, 409 session_not_found), not 404.</summary>
    EscalationSession,
    Message,
    Ticket,
    Gap,
    GapJob,
    Faq,
    DemoSlug,
}

/// <summary>How the suite reads a query parameter, so it knows what a wrong value is.</summary>
public enum QueryKind
{
    Integer,
    Cursor,
    Timestamp,
    Boolean,
    Enum,
    Text,
    BotId,
    WidgetSession,
    Locale,
}

public enum FieldKind
{
    Text,
    Integer,
    Number,
    Boolean,
    Enum,
    Array,
    Object,

    /// <summary>Read leniently member by member (<c>POST /widget/session/init</c>): any JSON value.</summary>
    Any,
}

/// <summary>One member of a JSON body, found by reflection on the endpoint's body type (so new members are fuzzed without a table change).</summary>
public sealed record BodyField(string Path, FieldKind Kind, FieldKind? ElementKind, IReadOnlyList<BodyField> Members)
{
    public override string ToString() => $"{Path}:{Kind}";
}

/// <summary>
/// A row of the hostile table: what the suite must know about an endpoint beyond what the endpoint itself says
/// (its surface, what its path ids name, a valid body, and whether a successful call destroys the resource).
/// </summary>
public sealed record HostileRoute(
    string Method,
    string Pattern,
    Surface Surface,
    BodyKind Body,
    IReadOnlyDictionary<string, IdKind> PathIds,
    Func<BotWorld, string>? BaselineBody = null,
    bool Destructive = false,
    bool LenientBody = false)
{
    public string Key => $"{Method} {Pattern}";

    /// <summary>Body members, from the live endpoint's handler (filled in by <see cref="HostileRoutes.Discover"/>).</summary>
    public IReadOnlyList<BodyField> Fields { get; init; } = [];

    /// <summary>Query parameters, from the live endpoint's handler.</summary>
    public IReadOnlyDictionary<string, QueryKind> Query { get; init; } = new Dictionary<string, QueryKind>();

    public bool HasJsonBody => Body is BodyKind.Json or BodyKind.OptionalJson;

    public override string ToString() => Key;
}

/// <summary>
/// The hostile table and the live endpoints it must match. Endpoints are read from the running server's
/// <see cref="EndpointDataSource"/>; body members and query parameters come from each handler's signature, so only the
/// facts an endpoint cannot tell about itself live in <see cref="Table"/>.
/// </summary>
public static class HostileRoutes
{
    private static readonly Dictionary<string, IdKind> NoIds = [];

    public static readonly IReadOnlyList<HostileRoute> Table =
    [
        // Bot settings
        new("GET", "/bot", Surface.Management, BodyKind.None, NoIds),
        new("PATCH", "/bot", Surface.Management, BodyKind.Json, NoIds, w => """{"greeting":"Hello there"}"""),
        new("POST", "/bot/webhook/test", Surface.Management, BodyKind.None, NoIds),

        // Chat and chat logs
        new("POST", "/chat", Surface.Management, BodyKind.Json, NoIds, w => """{"question":"How do I print a note?"}"""),
        new("POST", "/chat/debug", Surface.Management, BodyKind.Json, NoIds, w => """{"question":"How do I print a note?"}"""),
        new("GET", "/chat/sessions", Surface.Management, BodyKind.None, NoIds),
        new("GET", "/chat/sessions/{session_id}", Surface.Management, BodyKind.None, Ids(("session_id", IdKind.Session))),
        new("POST", "/chat/messages/{message_id}/feedback", Surface.Management, BodyKind.Json, Ids(("message_id", IdKind.Message)),
            w => """{"feedback":"down","ideal_answer":"Use File then Print."}"""),
        new("GET", "/chat/bad-answers", Surface.Management, BodyKind.None, NoIds),
        new("POST", "/chat/{session_id}/escalate", Surface.Management, BodyKind.OptionalJson, Ids(("session_id", IdKind.EscalationSession)),
            w => """{"user_note":"Please call me","trigger":"user_request"}""", Destructive: true),

        // Documents
        new("POST", "/documents", Surface.Management, BodyKind.Multipart, NoIds),
        new("GET", "/documents", Surface.Management, BodyKind.None, NoIds),
        new("GET", "/documents/{id:guid}", Surface.Management, BodyKind.None, Ids(("id", IdKind.Document))),
        new("DELETE", "/documents/{id:guid}", Surface.Management, BodyKind.None, Ids(("id", IdKind.Document)), Destructive: true),
        new("GET", "/documents/{id:guid}/health", Surface.Management, BodyKind.None, Ids(("id", IdKind.Document))),
        new("POST", "/documents/{id:guid}/health/run", Surface.Management, BodyKind.None, Ids(("id", IdKind.Document))),
        new("POST", "/documents/{id:guid}/reindex", Surface.Management, BodyKind.None, Ids(("id", IdKind.Document))),

        // URL sources
        new("POST", "/documents/sources/url", Surface.Management, BodyKind.Json, NoIds,
            w => JsonSerializer.Serialize(new { url = w.SiteUrl, schedule = "manual" })),
        new("GET", "/documents/sources", Surface.Management, BodyKind.None, NoIds),
        new("GET", "/documents/sources/{id:guid}", Surface.Management, BodyKind.None, Ids(("id", IdKind.Source))),
        new("PATCH", "/documents/sources/{id:guid}", Surface.Management, BodyKind.Json, Ids(("id", IdKind.Source)), w => """{"max_pages":50}"""),
        new("DELETE", "/documents/sources/{id:guid}", Surface.Management, BodyKind.None, Ids(("id", IdKind.Source)), Destructive: true),
        new("POST", "/documents/sources/{id:guid}/refresh", Surface.Management, BodyKind.None, Ids(("id", IdKind.Source))),
        new("DELETE", "/documents/sources/{id:guid}/pages/{documentId:guid}", Surface.Management, BodyKind.None,
            Ids(("id", IdKind.Source), ("documentId", IdKind.SourcePage)), Destructive: true),

        // Escalations
        new("GET", "/escalations", Surface.Management, BodyKind.None, NoIds),
        new("GET", "/escalations/{ticket_number}", Surface.Management, BodyKind.None, Ids(("ticket_number", IdKind.Ticket))),
        new("PATCH", "/escalations/{ticket_number}", Surface.Management, BodyKind.Json, Ids(("ticket_number", IdKind.Ticket)),
            w => """{"status":"in_progress"}"""),

        // Gap Analyzer
        new("GET", "/gap-analyzer", Surface.Management, BodyKind.None, NoIds),
        new("GET", "/gap-analyzer/summary", Surface.Management, BodyKind.None, NoIds),
        new("POST", "/gap-analyzer/recalculate", Surface.Management, BodyKind.None, NoIds),
        new("GET", "/gap-analyzer/jobs/{job_id}", Surface.Management, BodyKind.None, Ids(("job_id", IdKind.GapJob))),
        new("GET", "/gap-analyzer/{id}", Surface.Management, BodyKind.None, Ids(("id", IdKind.Gap))),
        new("POST", "/gap-analyzer/{id}/dismiss", Surface.Management, BodyKind.OptionalJson, Ids(("id", IdKind.Gap)),
            w => """{"reason":"Not a product question"}"""),
        new("POST", "/gap-analyzer/{id}/reactivate", Surface.Management, BodyKind.None, Ids(("id", IdKind.Gap))),
        new("POST", "/gap-analyzer/{id}/draft", Surface.Management, BodyKind.None, Ids(("id", IdKind.Gap))),

        // Knowledge
        new("GET", "/knowledge/profile", Surface.Management, BodyKind.None, NoIds),
        new("PATCH", "/knowledge/profile", Surface.Management, BodyKind.Json, NoIds, w => """{"summary":"Notes for teams."}"""),
        new("GET", "/knowledge/faq", Surface.Management, BodyKind.None, NoIds),
        new("POST", "/knowledge/faq", Surface.Management, BodyKind.Json, NoIds, w => """{"question":"Can I print?","answer":"Yes: File then Print."}"""),
        new("POST", "/knowledge/faq/approve-all", Surface.Management, BodyKind.None, NoIds),
        new("PUT", "/knowledge/faq/{id}", Surface.Management, BodyKind.Json, Ids(("id", IdKind.Faq)),
            w => """{"question":"Can I print a note?","answer":"Yes: File then Print."}"""),
        new("POST", "/knowledge/faq/{id}/approve", Surface.Management, BodyKind.None, Ids(("id", IdKind.Faq))),
        new("POST", "/knowledge/faq/{id}/reject", Surface.Management, BodyKind.None, Ids(("id", IdKind.Faq)), Destructive: true),
        new("DELETE", "/knowledge/faq/{id}", Surface.Management, BodyKind.None, Ids(("id", IdKind.Faq)), Destructive: true),

        // Widget
        new("POST", "/widget/session/init", Surface.Widget, BodyKind.Json, NoIds,
            w => JsonSerializer.Serialize(new { bot_id = w.PublicId }), LenientBody: true),
        new("POST", "/widget/chat", Surface.Widget, BodyKind.Json, NoIds, w => """{"message":"How do I print a note?"}"""),
        new("GET", "/widget/history", Surface.Widget, BodyKind.None, NoIds),
        new("POST", "/widget/escalate", Surface.Widget, BodyKind.OptionalJson, NoIds, w => """{"user_note":"Please help"}""", Destructive: true),
        new("GET", "/widget/config", Surface.Widget, BodyKind.None, NoIds),

        // Public
        new("GET", "/widget.js", Surface.Public, BodyKind.None, NoIds),
        new("HEAD", "/widget.js", Surface.Public, BodyKind.None, NoIds),
        new("GET", "/health", Surface.Public, BodyKind.None, NoIds),
        new("GET", "/health/ready", Surface.Public, BodyKind.None, NoIds),
        new("GET", "/", Surface.Public, BodyKind.None, NoIds),
        new("GET", "/demo/docs/{slug}", Surface.Public, BodyKind.None, Ids(("slug", IdKind.DemoSlug))),
    ];

    /// <summary>Query parameters by name; a handler that reads one not listed here fails the coverage test.</summary>
    public static readonly IReadOnlyDictionary<string, QueryKind> QueryKinds = new Dictionary<string, QueryKind>
    {
        ["limit"] = QueryKind.Integer,
        ["offset"] = QueryKind.Integer,
        ["cursor"] = QueryKind.Cursor,
        ["from"] = QueryKind.Timestamp,
        ["to"] = QueryKind.Timestamp,
        ["has_ticket"] = QueryKind.Boolean,
        ["feedback"] = QueryKind.Enum,
        ["channel"] = QueryKind.Enum,
        ["status"] = QueryKind.Enum,
        ["file_type"] = QueryKind.Enum,
        ["origin"] = QueryKind.Enum,
        ["priority"] = QueryKind.Enum,
        ["trigger"] = QueryKind.Enum,
        ["mode"] = QueryKind.Enum,
        ["source"] = QueryKind.Enum,
        ["user_id"] = QueryKind.Text,
        ["bot_id"] = QueryKind.BotId,
        ["session_id"] = QueryKind.WidgetSession,
        ["locale"] = QueryKind.Locale,
    };

    /// <summary>Pages served by middleware rather than endpoints (the OpenAPI document and its UI).</summary>
    public static readonly IReadOnlyList<string> MiddlewarePaths = ["/openapi.json", "/docs"];

    /// <summary>One entry per method of every route endpoint the server maps, keyed like <see cref="HostileRoute.Key"/>.</summary>
    public static IReadOnlyDictionary<string, RouteEndpoint> LiveEndpoints(IServiceProvider services)
    {
        var source = (EndpointDataSource)services.GetService(typeof(EndpointDataSource))!;
        var live = new Dictionary<string, RouteEndpoint>(StringComparer.Ordinal);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
            {
                live[$"{method} {Normalize(endpoint.RoutePattern.RawText)}"] = endpoint;
            }
        }

        return live;
    }

    /// <summary>The table joined with the live endpoints: body members and query parameters read from each handler.</summary>
    public static IReadOnlyList<HostileRoute> Discover(IServiceProvider services)
    {
        var live = LiveEndpoints(services);
        return [.. Table.Where(r => live.ContainsKey(r.Key)).Select(r => r with
        {
            Fields = BodyFieldsOf(Handler(live[r.Key])),
            Query = QueryOf(Handler(live[r.Key]), live[r.Key]),
        })];
    }

    public static MethodInfo? Handler(RouteEndpoint endpoint) => endpoint.Metadata.GetMetadata<MethodInfo>();

    /// <summary>What the handler binds its body to: <see cref="JsonBody{T}"/>, <see cref="OptionalJsonBody{T}"/>, a form file, or nothing.</summary>
    public static BodyKind BodyKindOf(MethodInfo? handler)
    {
        foreach (var parameter in handler?.GetParameters() ?? [])
        {
            var type = parameter.ParameterType;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(JsonBody<>))
            {
                return BodyKind.Json;
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(OptionalJsonBody<>))
            {
                return BodyKind.OptionalJson;
            }

            if (type == typeof(IFormFile) || type == typeof(IFormFileCollection) || type == typeof(IFormCollection))
            {
                return BodyKind.Multipart;
            }
        }

        return BodyKind.None;
    }

    /// <summary>The query parameters a handler reads (plain string parameters not bound from the route, or <c>[FromQuery]</c>).</summary>
    public static IReadOnlyDictionary<string, QueryKind> QueryOf(MethodInfo? handler, RouteEndpoint endpoint) =>
        QueryNames(handler, endpoint).Where(QueryKinds.ContainsKey).ToDictionary(n => n, n => QueryKinds[n]);

    public static IEnumerable<string> QueryNames(MethodInfo? handler, RouteEndpoint endpoint)
    {
        var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in handler?.GetParameters() ?? [])
        {
            if (parameter.GetCustomAttribute<FromQueryAttribute>() is { } fromQuery)
            {
                yield return fromQuery.Name ?? parameter.Name!;
            }
            else if (parameter.ParameterType == typeof(string)
                     && parameter.GetCustomAttribute<FromRouteAttribute>() is null
                     && parameter.GetCustomAttribute<FromFormAttribute>() is null
                     && !routeNames.Contains(parameter.Name!))
            {
                yield return parameter.Name!;
            }
        }
    }

    public static IReadOnlyList<BodyField> BodyFieldsOf(MethodInfo? handler)
    {
        var bodyType = handler?.GetParameters()
            .Select(p => p.ParameterType)
            .FirstOrDefault(t => t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(JsonBody<>) || t.GetGenericTypeDefinition() == typeof(OptionalJsonBody<>)))
            ?.GetGenericArguments()[0];
        return bodyType is null ? [] : FieldsOf(bodyType, prefix: string.Empty, depth: 0);
    }

    private static List<BodyField> FieldsOf(Type type, string prefix, int depth)
    {
        var fields = new List<BodyField>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonExtensionDataAttribute>() is not null || property.GetCustomAttribute<JsonIgnoreAttribute>() is not null
                || property.GetMethod?.IsStatic == true || property.SetMethod is null && !IsPositional(type, property))
            {
                continue;
            }

            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            fields.Add(FieldOf(Unwrap(property.PropertyType), path, depth));
        }

        return fields;
    }

    private static bool IsPositional(Type type, PropertyInfo property) =>
        type.GetConstructors().Any(c => c.GetParameters().Any(p => string.Equals(p.Name, property.Name, StringComparison.Ordinal)));

    private static BodyField FieldOf(Type type, string path, int depth)
    {
        if (type == typeof(string))
        {
            return new(path, FieldKind.Text, null, []);
        }

        if (type == typeof(JsonElement))
        {
            return new(path, FieldKind.Any, null, []);
        }

        if (type == typeof(bool))
        {
            return new(path, FieldKind.Boolean, null, []);
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return new(path, FieldKind.Integer, null, []);
        }

        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
        {
            return new(path, FieldKind.Number, null, []);
        }

        if (type.IsEnum)
        {
            return new(path, FieldKind.Enum, null, []);
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = Unwrap(type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0]);
            var item = FieldOf(element, path + "[0]", depth + 1);
            return new(path, FieldKind.Array, item.Kind, item.Members);
        }

        return depth > 3
            ? new(path, FieldKind.Any, null, [])
            : new(path, FieldKind.Object, null, FieldsOf(type, path, depth + 1));
    }

    private static Type Unwrap(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>))
        {
            type = type.GetGenericArguments()[0];
        }

        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static Dictionary<string, IdKind> Ids(params (string Name, IdKind Kind)[] ids) => ids.ToDictionary(i => i.Name, i => i.Kind);

    private static string Normalize(string? rawText) => "/" + (rawText ?? string.Empty).Trim('/');
}
