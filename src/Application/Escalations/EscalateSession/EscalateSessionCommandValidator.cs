using Chat9.Application.Common.Options;
using Chat9.Application.Escalations.Common;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Chat9.Application.Escalations.EscalateSession;

internal sealed class EscalateSessionCommandValidator : AbstractValidator<EscalateSessionCommand>
{
    public EscalateSessionCommandValidator(IOptions<LimitsOptions> options) =>
        Include(new EscalationFieldsValidator(options));
}
