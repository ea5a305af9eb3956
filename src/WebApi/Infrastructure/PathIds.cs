using Chat9.Application.Common.Exceptions;

namespace Chat9.WebApi.Infrastructure;

/// <summary>Ids in a management path: an unknown or malformed id is <c>404 not_found</c>, like any id that does not exist.</summary>
public static class PathIds
{
    public static Guid Parse(string value) =>
        Guid.TryParse(value, out var id) ? id : throw new NotFoundException("not_found", "There is nothing with this id.");
}
