using Chat9.Domain.Common.Specifications;

namespace Chat9.Domain.Bots.Specifications;

public sealed class BotByIdSpec : Specification<Bot>
{
    public BotByIdSpec(Guid botId) => Where(b => b.Id == botId);
}

public sealed class BotByPublicIdSpec : Specification<Bot>
{
    public BotByPublicIdSpec(string publicId) => Where(b => b.PublicId == publicId);
}

public sealed class DemoBotSpec : Specification<Bot>
{
    public DemoBotSpec()
    {
        Where(b => b.IsDemo);
        OrderByAscending(b => b.CreatedAt);
    }
}

public sealed class AllBotsSpec : Specification<Bot>
{
    public AllBotsSpec()
    {
        OrderByAscending(b => b.CreatedAt);
        NoTracking();
    }
}

/// <summary>The ids of the bots that are switched on.</summary>
public sealed class ActiveBotIdsSpec : Specification<Bot, Guid>
{
    public ActiveBotIdsSpec() => Where(b => b.Status == BotStatus.Active);

    public override System.Linq.Expressions.Expression<Func<Bot, Guid>> Selector => b => b.Id;
}
