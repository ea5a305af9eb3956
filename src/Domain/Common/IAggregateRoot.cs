namespace Chat9.Domain.Common;

/// <summary>Marks the root of a consistency boundary: only roots get repositories.</summary>
public interface IAggregateRoot;
