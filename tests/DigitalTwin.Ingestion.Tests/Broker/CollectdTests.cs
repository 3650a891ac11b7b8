using System.Diagnostics;
using System.Text;
using DigitalTwin.Ingestion.Tests.Fixtures;
using DigitalTwin.Testing.Mqtt;

namespace DigitalTwin.Ingestion.Tests.Broker;

[Collection(OpenBrokerCollection.Name)]
public sealed class CollectdTests(OpenBrokerCluster silo)
{
    [Fact]
    public async Task Collectd_publishes_this_machines_cpu_memory_and_load_into_a_twin()
    {
        var collectd = ExternalProgram.Require("collectd", "collectd-core");
        var folder = Directory.CreateTempSubdirectory("dt-collectd-").FullName;
        var config = Path.Combine(folder, "collectd.conf");
        await File.WriteAllTextAsync(config, $"""
            Hostname "{IngestionCluster.CollectdHost}"
            FQDNLookup false
            Interval 1
            BaseDir "{folder}"
            PIDFile "{folder}/collectd.pid"
            PluginDir "/usr/lib/collectd"
            TypesDB "/usr/share/collectd/types.db"
            LoadPlugin cpu
            LoadPlugin memory
            LoadPlugin load
            LoadPlugin mqtt
            <Plugin cpu>
              ReportByCpu false
              ValuesPercentage true
            </Plugin>
            <Plugin mqtt>
              <Publish "digitaltwin">
                Host "127.0.0.1"
                Port "{silo.BrokerPort}"
                ClientId "collectd-{Guid.NewGuid():N}"
                QoS 1
                Prefix "collectd"
              </Publish>
            </Plugin>

            """);
        var log = new StringBuilder();
        using var process = Process.Start(new ProcessStartInfo(collectd, ["-C", config, "-f"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            string[] wanted = ["load_1m", "load_5m", "load_15m", "mem_used_bytes", "cpu_percent_idle"];
            IReadOnlyCollection<string> metrics = [];
            await Eventually.TrueAsync(async () =>
            {
                if (process.HasExited) return true;
                metrics = await silo.MetricsAsync(silo.CollectdTwin);
                return wanted.All(metrics.Contains);
            }, $"collectd's cpu, memory and load reach twin {silo.CollectdTwin}", TimeSpan.FromSeconds(60)).ContinueWith(t =>
            {
                if (t.IsFaulted) throw new Xunit.Sdk.XunitException($"{t.Exception!.InnerException!.Message}; twin has [{string.Join(", ", metrics)}]; collectd says: {log}");
            });
            Assert.False(process.HasExited, $"collectd stopped: {log}");
            Assert.InRange((await silo.LatestAsync(silo.CollectdTwin, "mem_used_bytes"))!.Value, 1, double.MaxValue);
            Assert.InRange((await silo.LatestAsync(silo.CollectdTwin, "cpu_percent_idle"))!.Value, 0, 100);
        }
        finally
        {
            if (!process.HasExited) process.Kill();
            await process.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
