using Chat9.Application.Common.Options;
using Chat9.Domain.Common;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Knowledge.Profile.EditKnowledgeProfile;

internal sealed class EditKnowledgeProfileCommandValidator : AbstractValidator<EditKnowledgeProfileCommand>
{
    /// <summary>Members of the profile that the API shows but never lets a client change.</summary>
    public static readonly IReadOnlySet<string> ReadOnlyFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "extraction_status", "extracted_at", "updated_at", "edited_fields",
    };

    public EditKnowledgeProfileCommandValidator(IOptions<LimitsOptions> options)
    {
        var limits = options.Value.Profile;

        RuleFor(c => c.RejectedFields).Custom((fields, context) =>
        {
            foreach (var field in fields)
            {
                context.AddFailure(field, ReadOnlyFields.Contains(field) ? "This member is read-only." : "Unknown member; it cannot be changed.");
            }
        });

        When(c => c.Patch.ProductName.IsSet, () =>
            RuleFor(c => c.Patch.ProductName.Value)
                .Must(v => v is null || Text.CountChars(v) <= limits.ProductNameMaxChars)
                .WithMessage($"Must be at most {limits.ProductNameMaxChars} characters, or null.")
                .OverridePropertyName("product_name"));

        When(c => c.Patch.Summary.IsSet, () =>
            RuleFor(c => c.Patch.Summary.Value)
                .Must(v => v is null || Text.CountChars(v) <= limits.SummaryMaxChars)
                .WithMessage($"Must be at most {limits.SummaryMaxChars} characters, or null.")
                .OverridePropertyName("summary"));

        When(c => c.Patch.Topics.IsSet, () =>
            RuleFor(c => c.Patch.Topics.Value).Custom((topics, context) =>
            {
                if (topics is null)
                {
                    context.AddFailure(new ValidationFailure("topics", "Must be a list of strings (use [] for none)."));
                    return;
                }

                if (topics.Count > limits.MaxTopics)
                {
                    context.AddFailure(new ValidationFailure("topics", $"At most {limits.MaxTopics} topics."));
                }

                for (var i = 0; i < topics.Count; i++)
                {
                    if (!IsText(topics[i], limits.TopicMaxChars))
                    {
                        context.AddFailure(new ValidationFailure($"topics[{i}]", $"Must be 1–{limits.TopicMaxChars} characters."));
                    }
                }
            }));

        When(c => c.Patch.Glossary.IsSet, () =>
            RuleFor(c => c.Patch.Glossary.Value).Custom((glossary, context) =>
            {
                if (glossary is null)
                {
                    context.AddFailure(new ValidationFailure("glossary", "Must be a list of {term, definition} objects (use [] for none)."));
                    return;
                }

                if (glossary.Count > limits.MaxGlossaryEntries)
                {
                    context.AddFailure(new ValidationFailure("glossary", $"At most {limits.MaxGlossaryEntries} entries."));
                }

                for (var i = 0; i < glossary.Count; i++)
                {
                    if (glossary[i] is not { } entry)
                    {
                        context.AddFailure(new ValidationFailure($"glossary[{i}]", "Must be an object with term and definition."));
                        continue;
                    }

                    if (!IsText(entry.Term, limits.GlossaryTermMaxChars))
                    {
                        context.AddFailure(new ValidationFailure($"glossary[{i}].term", $"Must be 1–{limits.GlossaryTermMaxChars} characters."));
                    }

                    if (!IsText(entry.Definition, limits.GlossaryDefinitionMaxChars))
                    {
                        context.AddFailure(new ValidationFailure($"glossary[{i}].definition", $"Must be 1–{limits.GlossaryDefinitionMaxChars} characters."));
                    }
                }
            }));
    }

    private static bool IsText(string? value, int maxChars) => value is not null && value.Trim().Length > 0 && Text.CountChars(value) <= maxChars;
}
