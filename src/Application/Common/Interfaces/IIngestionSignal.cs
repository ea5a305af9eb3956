namespace Chat9.Application.Common.Interfaces;

/// <summary>Wakes this server's ingestion worker when work is queued, so uploads start without waiting for the next poll.</summary>
public interface IIngestionSignal
{
    void WorkQueued();
}
