using ClientSample;

// An integrator's client, in the order an integrator learns the twin: connect, read a rack, follow its changes,
// ask a what-if question. Everything it uses comes from DigitalTwin.Abstractions and the Orleans client packages.
var options = SampleOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(SampleOptions.Usage);
    return 2;
}
await using var twin = await TwinConnection.ConnectAsync(options.Gateway);
var rack = await RackReading.ReadAsync(twin.Client, options.RackId);
if (rack is null)
{
    Console.Error.WriteLine($"no rack has the id '{options.RackId}'");
    return 4;
}
await RackFollower.FollowAsync(twin.Client, rack, options.Changes, options.For);
if (options.Scenario) await CoolingLossScenario.RunAsync(twin.Client, rack);
return 0;
