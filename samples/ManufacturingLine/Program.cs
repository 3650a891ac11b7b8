using ManufacturingLine;

return await LineCommandLine.Create().Parse(args).InvokeAsync();
