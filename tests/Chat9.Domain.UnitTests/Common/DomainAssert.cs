using Chat9.Domain.Common;

namespace Chat9.Domain.UnitTests.Common;

/// <summary>Assertions on what an aggregate recorded: its domain events and the rule it refused.</summary>
public static class DomainAssert
{
    /// <summary>Asserts that <paramref name="entity"/> raised exactly one <typeparamref name="TEvent"/> and returns it.</summary>
    public static TEvent Raised<TEvent>(Entity entity)
        where TEvent : DomainEvent
    {
        var matches = entity.DomainEvents.OfType<TEvent>().ToList();
        Assert.That(matches, Has.Count.EqualTo(1),
            $"Expected one {typeof(TEvent).Name}; raised: [{string.Join(", ", entity.DomainEvents.Select(e => e.GetType().Name))}]");
        return matches[0];
    }

    /// <summary>Asserts that <paramref name="entity"/> raised no <typeparamref name="TEvent"/>.</summary>
    public static void NotRaised<TEvent>(Entity entity)
        where TEvent : DomainEvent =>
        Assert.That(entity.DomainEvents.OfType<TEvent>(), Is.Empty, $"Did not expect a {typeof(TEvent).Name}.");

    /// <summary>Asserts that <paramref name="action"/> throws a <see cref="DomainException"/> (or subtype) with <paramref name="code"/>.</summary>
    public static DomainException ThrowsCode(string code, Action action)
    {
        var exception = Assert.Catch<DomainException>(action);
        Assert.That(exception!.Code, Is.EqualTo(code));
        return exception;
    }

    /// <summary>Asserts that <paramref name="action"/> throws a <see cref="DomainValidationException"/> for <paramref name="field"/>.</summary>
    public static DomainValidationException ThrowsValidation(string field, Action action)
    {
        var exception = Assert.Throws<DomainValidationException>(action);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception!.Field, Is.EqualTo(field));
            Assert.That(exception.Code, Is.EqualTo("validation_failed"));
        }

        return exception;
    }
}
