using Chat9.Domain.Common.Specifications;

namespace Chat9.Domain.ApiKeys.Specifications;

public sealed class ApiKeyByHashSpec : Specification<ApiKey>
{
    public ApiKeyByHashSpec(byte[] hash) => Where(k => k.Hash == hash);
}

public sealed class ApiKeyByIdSpec : Specification<ApiKey>
{
    public ApiKeyByIdSpec(Guid keyId) => Where(k => k.Id == keyId);
}

public sealed class ApiKeysOfBotSpec : Specification<ApiKey>
{
    public ApiKeysOfBotSpec(Guid botId)
    {
        Where(k => k.BotId == botId);
        OrderByAscending(k => k.CreatedAt);
    }
}
