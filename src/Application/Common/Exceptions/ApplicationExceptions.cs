namespace Chat9.Application.Common.Exceptions;

/// <summary>
/// The small, fixed set of exceptions the application throws for expected failures.
/// The WebApi translates each into one problem+json response; the CLI into an exit code.
/// </summary>
public abstract class Chat9Exception(string code, string message) : Exception(message)
{
    /// <summary>Stable snake_case code that clients branch on.</summary>
    public string Code { get; } = code;

    /// <summary>Extra problem members such as <c>limit</c> or <c>existing_document_id</c>.</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();
}

/// <summary>Field-level problems: <c>422 validation_failed</c> with <c>errors</c> keyed by snake_case field path.</summary>
public sealed class ValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Chat9Exception("validation_failed", "One or more fields are invalid.")
{
    public ValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>The resource does not exist for this caller (another bot's ids look exactly the same).</summary>
public sealed class NotFoundException(string code = "not_found", string message = "The resource was not found.")
    : Chat9Exception(code, message);

/// <summary>The request conflicts with the current state (409).</summary>
public sealed class ConflictException(string code, string message) : Chat9Exception(code, message);

/// <summary>The caller may not do this (403), e.g. the bot is disabled.</summary>
public sealed class ForbiddenException(string code, string message) : Chat9Exception(code, message);

/// <summary>A request that is well-formed but cannot be processed for a reason other than a field rule (422).</summary>
public sealed class UnprocessableException(string code, string message) : Chat9Exception(code, message);

/// <summary>A message, upload or body over its size limit (413); <see cref="Chat9Exception.Extensions"/> carries <c>max_bytes</c> or <c>max_chars</c>.</summary>
public sealed class TooLargeException(string code, string message) : Chat9Exception(code, message);

/// <summary>A file or body of a type the endpoint does not accept (415); <see cref="Chat9Exception.Extensions"/> may carry a <c>hint</c>.</summary>
public sealed class UnsupportedTypeException(string code, string message) : Chat9Exception(code, message);
