using System.Reflection;

namespace Chat9.WebApi.Infrastructure.Json;

/// <summary>
/// A JSON body that may be left out entirely (no bytes at all): then <see cref="Value"/> is null. A body that is sent
/// follows every rule of <see cref="JsonBody{T}"/> (media type, size, well-formed, shape).
/// </summary>
public sealed class OptionalJsonBody<T>
    where T : class
{
    private OptionalJsonBody(T? value) => Value = value;

    public T? Value { get; }

    public static async ValueTask<OptionalJsonBody<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var request = context.Request;
        var hasBody = request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (!hasBody)
        {
            return new OptionalJsonBody<T>(null);
        }

        var body = await JsonBody<T>.BindAsync(context, parameter);
        return new OptionalJsonBody<T>(body?.Value);
    }
}
