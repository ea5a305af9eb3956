using Chat9.Application.Common.Options;
using Chat9.Application.Knowledge.Faq.Common;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Knowledge.Faq.AddFaqEntry;

internal sealed class AddFaqEntryCommandValidator : AbstractValidator<AddFaqEntryCommand>
{
    public AddFaqEntryCommandValidator(IOptions<LimitsOptions> options) => Include(new FaqTextValidator(options));
}
