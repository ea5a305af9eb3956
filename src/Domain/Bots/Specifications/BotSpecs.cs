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
