namespace Chat9.WebApi.Infrastructure.Problems;

/// <summary>A transport-level failure decided by the HTTP layer (body syntax, media type, size), before any use case runs.</summary>
public sealed class HttpProblemException(int status, string code, string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    : Exception(detail)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}
