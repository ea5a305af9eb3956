using Chat9.Application.Common.Options;
using Chat9.Application.Knowledge.Faq.Common;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Knowledge.Faq.EditFaqEntry;

internal sealed class EditFaqEntryCommandValidator : AbstractValidator<EditFaqEntryCommand>
{
    public EditFaqEntryCommandValidator(IOptions<LimitsOptions> options) => Include(new FaqTextValidator(options));
}
