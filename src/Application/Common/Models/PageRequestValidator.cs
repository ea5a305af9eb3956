using Chat9.Application.Common.Options;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Common.Models;

/// <summary>The list rules of the contract, reused by every list query (<c>RuleFor(q => q.Page).SetValidator(...)</c>).</summary>
public sealed class PageRequestValidator : AbstractValidator<PageRequest>
{
    public PageRequestValidator(IOptions<LimitsOptions> options)
    {
        var limits = options.Value;
        RuleFor(p => p.Limit)
            .InclusiveBetween(1, limits.MaxPageSize).When(p => p.Limit is not null)
            .WithMessage($"Must be between 1 and {limits.MaxPageSize}.")
            .OverridePropertyName("limit");
        RuleFor(p => p.Offset)
            .GreaterThanOrEqualTo(0).When(p => p.Offset is not null)
            .WithMessage("Must not be negative.")
            .OverridePropertyName("offset");
        RuleFor(p => p)
            .Must(p => p.Offset is null || p.Cursor is null)
            .WithMessage("Send either offset or cursor, not both.")
            .OverridePropertyName("cursor");
        RuleFor(p => p.Cursor)
            .Must(c => c is null || PageRequest.DecodeCursor(c) is not null)
            .WithMessage("Not a cursor returned by this API.")
            .OverridePropertyName("cursor");
    }
}
