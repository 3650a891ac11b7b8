using DigitalTwin.Grains;
using Orleans.Runtime;

namespace DigitalTwin.Persistence.Tests.Grains;

/// <summary>Writes its state on every change, in the twins' storage under its own state name.</summary>
public sealed class CounterGrain([PersistentState(CounterGrain.StateName, TwinStorage.Name)] IPersistentState<CounterState> state)
    : Grain, ICounterGrain, IRemindable
{
    public const string StateName = "persistence-tests-counter";
    private const string Tick = "tick";

    public async Task<int> AddAsync(int amount, string note)
    {
        state.State.Value += amount;
        state.State.Notes.Add(note);
        state.State.Reading = double.NaN;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<CounterState> GetAsync() => Task.FromResult(state.State);

    public Task<string?> GetEtagAsync() => Task.FromResult(state.Etag);

    public Task<string> GetSiloAsync() => Task.FromResult(RuntimeIdentity);

    public Task StartTickingAsync(TimeSpan period) => this.RegisterOrUpdateReminder(Tick, period, period);

    public async Task StopTickingAsync()
    {
        var reminder = await this.GetReminder(Tick);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Ticks++;
        await state.WriteStateAsync();
    }
}
