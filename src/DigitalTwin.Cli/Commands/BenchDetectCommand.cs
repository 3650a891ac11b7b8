using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using DigitalTwin.Models.Anomaly;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>dt bench detect</c>: what the default anomaly detector costs per reading on one thread, the way a host of
/// twins uses it: many metrics, one detector each, readings arriving interleaved across them.
/// </summary>
internal static class BenchDetectCommand
{
    public static Command Create()
    {
        var metrics = new Option<int>("--metrics")
        {
            Description = "Metrics (one detector each) the readings are spread over.",
            DefaultValueFactory = _ => 256,
        };
        var readings = new Option<int>("--readings")
        {
            Description = "Readings per metric.",
            DefaultValueFactory = _ => 20_000,
        };
        var command = new Command("detect", "Measure anomaly detector cost per reading (single thread).");
        command.Options.Add(metrics);
        command.Options.Add(readings);
        command.SetAction(parseResult =>
        {
            var metricCount = parseResult.GetValue(metrics);
            var perMetric = parseResult.GetValue(readings);
            if (metricCount < 1 || perMetric < 1 || (long)metricCount * perMetric > 200_000_000)
            {
                Console.Error.WriteLine("dt bench detect: --metrics and --readings must be positive, at most 200 million readings in all.");
                return 1;
            }

            Run(metricCount, perMetric);
            return 0;
        });
        return command;
    }

    private static void Run(int metricCount, int perMetric)
    {
        var values = Synthesise(metricCount, perMetric);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        // One untimed pass lets the JIT settle; the timed pass starts from fresh detectors.
        Measure(values, metricCount, perMetric, start, () => AnomalyDetectors.CreateDefault());
        var (rate, alarms) = Measure(values, metricCount, perMetric, start, () => AnomalyDetectors.CreateDefault());
        var (baselineRate, _) = Measure(values, metricCount, perMetric, start, () => new EwmaBaseline());

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DETECT readings_per_s={rate:F0}"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"BASELINE readings_per_s={baselineRate:F0} (same loop, an exponentially weighted mean per metric: the cost of the loop itself)"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"setup: {metricCount} metrics x {perMetric} readings, one thread, {alarms} alarms at the default threshold"));
    }

    private static (double Rate, long Alarms) Measure(
        double[][] values, int metricCount, int perMetric, DateTimeOffset start, Func<IStreamingAnomalyDetector> create)
    {
        var detectors = new IStreamingAnomalyDetector[metricCount];
        for (var m = 0; m < metricCount; m++)
        {
            detectors[m] = create();
        }

        long alarms = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < perMetric; i++)
        {
            var timestamp = start.AddMinutes(5 * i);
            for (var m = 0; m < metricCount; m++)
            {
                if (detectors[m].Observe(timestamp, values[m][i]).IsAnomaly)
                {
                    alarms++;
                }
            }
        }

        return ((double)metricCount * perMetric / clock.Elapsed.TotalSeconds, alarms);
    }

    /// <summary>Daily cycles with noise, the odd spike and level shift: what a data centre's metrics look like.</summary>
    private static double[][] Synthesise(int metricCount, int perMetric)
    {
        var random = new Random(42);
        var series = new double[metricCount][];
        for (var m = 0; m < metricCount; m++)
        {
            var level = 20 + 60 * random.NextDouble();
            var amplitude = 2 + 10 * random.NextDouble();
            var noise = 0.5 + 2 * random.NextDouble();
            var values = new double[perMetric];
            for (var i = 0; i < perMetric; i++)
            {
                if (random.NextDouble() < 1e-4)
                {
                    level += 10 * (random.NextDouble() - 0.5);
                }

                var spike = random.NextDouble() < 5e-4 ? 40 : 0;
                values[i] = level + amplitude * Math.Sin(2 * Math.PI * i / 288) + noise * (random.NextDouble() - 0.5) + spike;
            }

            series[m] = values;
        }

        return series;
    }

    private sealed class EwmaBaseline : IStreamingAnomalyDetector
    {
        private double _mean;

        public AnomalyScore Observe(DateTimeOffset timestamp, double value)
        {
            _mean += 0.01 * (value - _mean);
            return new AnomalyScore(0, _mean, false);
        }
    }
}
