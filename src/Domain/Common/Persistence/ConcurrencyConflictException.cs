namespace Chat9.Domain.Common.Persistence;

/// <summary>The unit of work lost a race: a row it changes was changed by someone else since it was read.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner);
