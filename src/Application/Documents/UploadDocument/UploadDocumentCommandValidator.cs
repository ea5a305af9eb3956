using Chat9.Application.Common.Options;
using Chat9.Domain.Common;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Documents.UploadDocument;

internal sealed class UploadDocumentCommandValidator : AbstractValidator<UploadDocumentCommand>
{
    public UploadDocumentCommandValidator(IOptions<LimitsOptions> options)
    {
        var limits = options.Value;
        RuleFor(c => c.SourceUrl)
            .Must(u => u is null || (Text.CountChars(u) <= limits.UrlMaxChars && Text.IsHttpUrl(u.Trim(), out _)))
            .WithMessage($"Must be an http or https URL of at most {limits.UrlMaxChars} characters, without user info.")
            .OverridePropertyName("source_url");
        RuleFor(c => c.Filename)
            .Must(f => !string.IsNullOrWhiteSpace(f)).WithMessage("The file needs a name.")
            .OverridePropertyName("file");
    }
}
