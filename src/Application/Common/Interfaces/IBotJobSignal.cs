namespace Chat9.Application.Common.Interfaces;

/// <summary>Wakes this server's job worker when a job is queued, so an on-demand job starts without waiting for the next poll.</summary>
public interface IBotJobSignal
{
    void WorkQueued();
}
