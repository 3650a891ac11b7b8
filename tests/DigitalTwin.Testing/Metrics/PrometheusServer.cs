using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DigitalTwin.Testing.Mqtt;
using DigitalTwin.Testing.Processes;

namespace DigitalTwin.Testing.Metrics;

/// <summary>
/// Debian's prometheus server on a free loopback port, scraping one target every second into a throw-away folder,
/// and asked through its HTTP query API. Disposing stops it and deletes the folder.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _output = new();

    private PrometheusServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>An HTTP client aimed at the server.</summary>
    public HttpClient Http { get; }

    /// <summary>What the server printed so far (for failure messages).</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts prometheus scraping <c>http://127.0.0.1:{targetPort}{metricsPath}</c> and waits until it is ready.</summary>
    public static async Task<PrometheusServer> StartAsync(int targetPort, string metricsPath = "/metrics")
    {
        var binary = ExternalProgram.Require("prometheus", "prometheus");
        var folder = Directory.CreateTempSubdirectory("dt-prometheus-").FullName;
        var config = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: digitaltwin
                metrics_path: {metricsPath}
                static_configs:
                  - targets: ['127.0.0.1:{targetPort}']
            """);
        var port = FreePorts.Next();
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(folder, "data")}",
                     $"--web.listen-address=127.0.0.1:{port}",
                 })
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("prometheus did not start");
        var server = new PrometheusServer(process, folder, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Eventually.Until(async () =>
        {
            try
            {
                return (await server.Http.GetAsync("/-/ready")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, ready => ready, $"prometheus to be ready: {server.Output}", TimeSpan.FromSeconds(30));
        return server;
    }

    /// <summary>
    /// Evaluates an instant PromQL query (<c>/api/v1/query</c>) and returns each series' labels and value; empty when
    /// nothing matches yet.
    /// </summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> QueryAsync(string promQl)
    {
        using var response = await Http.GetAsync($"/api/v1/query?query={Uri.EscapeDataString(promQl)}");
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"prometheus refused '{promQl}': {body}");
        using var json = JsonDocument.Parse(body);
        var results = new List<(IReadOnlyDictionary<string, string>, double)>();
        foreach (var series in json.RootElement.GetProperty("data").GetProperty("result").EnumerateArray())
        {
            var labels = series.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
            var value = double.Parse(series.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
            results.Add((labels, value));
        }
        return results;
    }

    /// <summary>Asks until the query answers with what <paramref name="until"/> accepts, and returns that answer.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> QueryUntilAsync(string promQl,
        Func<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>, bool> until, TimeSpan? timeout = null)
    {
        IReadOnlyList<(IReadOnlyDictionary<string, string>, double)> last = [];
        try
        {
            return await Eventually.Until(async () => last = await QueryAsync(promQl), until, $"prometheus to answer '{promQl}'", timeout ?? TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException error)
        {
            var seen = string.Join("; ", last.Select(s => $"{string.Join(",", s.Item1.Select(l => $"{l.Key}={l.Value}"))} {s.Item2}"));
            throw new TimeoutException($"{error.Message}; last answer: [{seen}]", error);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
