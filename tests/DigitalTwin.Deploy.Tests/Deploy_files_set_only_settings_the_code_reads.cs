using DigitalTwin.Deploy.Tests.Support;
using DigitalTwin.Testing.Processes;
using YamlDotNet.RepresentationModel;

namespace DigitalTwin.Deploy.Tests;

/// <summary>
/// No container engine runs here, so the compose file and the Kubernetes manifests are checked as text the code must
/// agree with: they parse, every twin setting they give is one a settings class reads, and every option they pass to
/// the simulator or dt is one that program lists in its --help.
/// </summary>
public sealed class Deploy_files_set_only_settings_the_code_reads
{
    public static TheoryData<string> Files => new(DeployFiles.All());

    [Fact]
    public void The_checker_refuses_a_misspelt_or_unknown_key_and_accepts_nested_and_listed_ones()
    {
        Assert.Null(SettingsCatalogue.Problem("DigitalTwin:Mqtt:External:Host"));
        Assert.Null(SettingsCatalogue.Problem("DigitalTwin:Mqtt:External:Topics:0"));
        Assert.Null(SettingsCatalogue.Problem("DigitalTwin:Twins:RollupInterval"));
        Assert.Contains("no setting 'Hots'", SettingsCatalogue.Problem("DigitalTwin:Mqtt:External:Hots"));
        Assert.Contains("no settings class", SettingsCatalogue.Problem("DigitalTwin:Nowhere:Port"));
        Assert.Contains("not an index", SettingsCatalogue.Problem("DigitalTwin:Mqtt:External:Topics:first"));
    }

    [Fact]
    public void There_is_a_compose_file_and_kubernetes_manifests_for_silos_postgres_mosquitto_and_the_simulator()
    {
        var compose = (YamlMappingNode)Assert.Single(DeployFiles.Documents(Path.Combine("compose", "compose.yaml")));
        var services = ((YamlMappingNode)compose.Children[new YamlScalarNode("services")]).Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();
        Assert.Contains("postgres", services);
        Assert.Contains("mosquitto", services);
        Assert.Contains("simulator", services);
        Assert.True(services.Count(s => s!.StartsWith("silo-", StringComparison.Ordinal)) >= 2, "a cluster needs two silos at least");

        var kinds = DeployFiles.All().Where(f => f.StartsWith("kubernetes", StringComparison.Ordinal))
            .SelectMany(DeployFiles.Documents).Cast<YamlMappingNode>()
            .Select(d => $"{((YamlScalarNode)d.Children[new YamlScalarNode("kind")]).Value}/{((YamlScalarNode)((YamlMappingNode)d.Children[new YamlScalarNode("metadata")]).Children[new YamlScalarNode("name")]).Value}")
            .ToList();
        foreach (var expected in new[] { "StatefulSet/postgres", "Deployment/mosquitto", "Deployment/digitaltwin-silo", "Deployment/simulator", "Role/digitaltwin-silo" })
        {
            Assert.Contains(expected, kinds);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_twin_setting_a_deploy_file_gives_is_read_by_the_code(string file)
    {
        var keys = DeployFiles.Documents(file).SelectMany(DeployFiles.ConfigurationKeys).Distinct().ToList();
        var problems = keys.Select(SettingsCatalogue.Problem).OfType<string>().ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // The silo's files must really set its settings, or this test checks nothing.
        if (DeployFiles.Documents(file).SelectMany(DeployFiles.Programs).Any(p => p.Program == "silo"))
        {
            Assert.True(keys.Count >= 10, $"{file}: only {keys.Count} settings found: {string.Join(", ", keys)}");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_option_a_deploy_file_passes_to_the_simulator_or_dt_is_one_it_has(string file)
    {
        foreach (var (program, arguments) in DeployFiles.Documents(file).SelectMany(DeployFiles.Programs))
        {
            if (program == "silo") continue;
            var (assembly, helpArguments) = program switch
            {
                "simulator" => (Path.Combine(RepositoryLayout.Root, "samples", "DataCentreSimulator", "bin", RepositoryLayout.Configuration, "net10.0", "DataCentreSimulator.dll"), new[] { "--help" }),
                "dt" => (RepositoryLayout.BuiltAssembly("DigitalTwin.Cli", "dt"), new[] { arguments[0], "--help" }),
                _ => throw new InvalidOperationException($"{file}: no check for the image digitaltwin/{program}"),
            };
            var help = await CliProcess.RunAssemblyAsync(assembly, helpArguments, TimeSpan.FromMinutes(1));
            Assert.True(help.ExitCode == 0, help.StandardError);
            var options = arguments.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(options);
            foreach (var option in options)
            {
                Assert.True(help.StandardOutput.Contains($"  {option} ", StringComparison.Ordinal) || help.StandardOutput.Contains($"  {option},", StringComparison.Ordinal)
                    || help.StandardOutput.Contains($", {option} ", StringComparison.Ordinal),
                    $"{file}: {program} has no option {option}:\n{help.StandardOutput}");
            }
        }
    }
}
