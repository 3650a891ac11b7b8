using DataCentreSimulator.Running;

return await SimulatorCommandLine.Create(args).Parse(args).InvokeAsync();
