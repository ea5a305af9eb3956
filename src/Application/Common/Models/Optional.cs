namespace Chat9.Application.Common.Models;

/// <summary>A PATCH member: either absent (leave unchanged) or present with a value that may be <c>null</c> (clear).</summary>
public readonly record struct Optional<T>
{
    private readonly T _value;

    public Optional(T value)
    {
        _value = value;
        IsSet = true;
    }

    public bool IsSet { get; }

    public T Value => IsSet ? _value : throw new InvalidOperationException("The member was not sent.");

    public static implicit operator Optional<T>(T value) => new(value);

    public static Optional<T> Unset => default;
}
