using DigitalTwin.Ingestion.Hosting;
using DigitalTwin.Silo.Api;
using DigitalTwin.Silo.Demo;
using DigitalTwin.Silo.Hosting;
using DigitalTwin.Silo.Metrics;
using DigitalTwin.Silo.Pages;
using DigitalTwin.Silo.Security;

var builder = WebApplication.CreateBuilder(HostLayout.Options(DemoMode.Strip(args, out var demo)));
builder.AddShippedSettings();
builder.AddDigitalTwinDemoSettings(demo);
builder.AddDigitalTwinSecurity();
builder.AddDigitalTwinSilo();
builder.Services.AddDigitalTwinIngestion(builder.Configuration);
builder.Services.AddDigitalTwinApi();
builder.AddDigitalTwinDemo();
builder.AddDigitalTwinMetrics();

var app = builder.Build();
app.UseDigitalTwinSecurity();
app.MapDigitalTwinApi();
app.MapDigitalTwinIngestion();
app.MapDigitalTwinDashboard();
app.MapDigitalTwinPages();
app.MapDigitalTwinMetrics();
app.Run();
