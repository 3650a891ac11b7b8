using System.Globalization;
using DigitalTwin.Abstractions.Scenarios;
using DigitalTwin.Abstractions.Twins;

namespace ClientSample;

/// <summary>
/// A what-if question about the rack: what happens to its room if the first CRAC that cools it fails? Answered by
/// shadow twins (<see cref="IScenarioGrain"/>); the live twin and the database are never touched.
/// </summary>
internal static class CoolingLossScenario
{
    public static async Task RunAsync(IClusterClient client, TwinSnapshot rack)
    {
        if (rack.Spec.ParentId is not { } room || rack.Spec.CoolingUnits is not [var crac, ..])
        {
            Console.WriteLine($"scenario skipped: {rack.Spec.Id} names no room or no CRAC");
            return;
        }
        var scenario = client.GetGrain<IScenarioGrain>("sample-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var outcome = await scenario.RunAsync(new ScenarioRequest(room, Fail: [crac], HorizonS: 1800));
            if (!outcome.Ran)
            {
                Console.WriteLine($"scenario refused: {string.Join("; ", outcome.Problems.Select(p => $"{p.Code}: {p.Message}"))}");
                return;
            }
            var answer = outcome.Answer!;
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine($"scenario {answer.ScenarioId}: {crac} fails in {room}; first limit " +
                (answer.FirstLimitS is { } s ? $"after {s.ToString("0", inv)} s" : "not reached in 30 min"));
            foreach (var r in answer.Racks.Take(3))
            {
                Console.WriteLine($"  {r.Id}: peak inlet {r.PeakInletC.ToString("0.0", inv)} °C, time to limit " +
                    (r.TimeToLimitS is { } t ? $"{t.ToString("0", inv)} s" : "-"));
            }
        }
        finally
        {
            await scenario.EndAsync();
        }
    }
}
