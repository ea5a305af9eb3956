namespace Chat9.Domain.Bots;

public enum BotStatus
{
    Active,
    Disabled,
}
