namespace DigitalTwin.Persistence.Tests.Grains;

/// <summary>A persistent counter with a reminder, to exercise storage, membership and reminders without the twins.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> AddAsync(int amount, string note);

    Task<CounterState> GetAsync();

    Task<string?> GetEtagAsync();

    Task<string> GetSiloAsync();

    Task StartTickingAsync(TimeSpan period);

    Task StopTickingAsync();
}
