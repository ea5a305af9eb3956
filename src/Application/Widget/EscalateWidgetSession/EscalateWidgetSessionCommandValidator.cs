using Chat9.Application.Common.Options;
using Chat9.Application.Escalations.Common;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Widget.EscalateWidgetSession;

internal sealed class EscalateWidgetSessionCommandValidator : AbstractValidator<EscalateWidgetSessionCommand>
{
    public EscalateWidgetSessionCommandValidator(IOptions<LimitsOptions> options) =>
        Include(new EscalationFieldsValidator(options));
}
