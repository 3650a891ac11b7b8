using DigitalTwin.Ingestion.Hosting;
using DigitalTwin.Silo.Api;
using DigitalTwin.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddDigitalTwinSilo();
builder.Services.AddDigitalTwinIngestion(builder.Configuration);

var app = builder.Build();
app.MapDigitalTwinApi();
app.MapDigitalTwinIngestion();
app.MapDigitalTwinDashboard();
app.Run();
