using System.Text;

namespace DigitalTwin.Cli.Commands.Fuzz;

/// <summary>
/// Malformed topologies and scenario requests over HTTP: random bytes, truncated and deeply nested YAML/JSON, huge
/// numbers, injection attempts in ids. Topologies go to <c>/api/topology/validate</c> (a mutation could happen to be
/// valid and must not replace the live topology), except bytes that can never parse, which go to
/// <c>/api/topology</c> itself. Any answer is fine except a server error (5xx) or no answer at all.
/// </summary>
internal sealed class HttpFuzzer(HttpClient http, string validTopologyYaml, int seed)
{
    public long Tried { get; private set; }
    public long Refused { get; private set; }
    public long ServerErrors { get; private set; }
    public List<string> Problems { get; } = [];

    public async Task RunAsync(int count, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        for (var i = 0; i < count && !cancellationToken.IsCancellationRequested; i++)
        {
            var (path, body, type) = Case(random);
            Tried++;
            try
            {
                using var content = new ByteArrayContent(body);
                content.Headers.TryAddWithoutValidation("Content-Type", type);
                using var response = await http.PostAsync(path, content, cancellationToken);
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    ServerErrors++;
                    if (Problems.Count < 10) Problems.Add($"POST {path} → {status}");
                }
                else if (status >= 400) Refused++;
            }
            catch (HttpRequestException ex)
            {
                ServerErrors++;
                if (Problems.Count < 10) Problems.Add($"POST {path} → {ex.Message}");
            }
        }
    }

    private (string Path, byte[] Body, string Type) Case(Random random)
    {
        var yaml = validTopologyYaml;
        switch (random.Next(10))
        {
            case 0:
                var bytes = new byte[random.Next(0, 4096)];
                random.NextBytes(bytes);
                // Bytes that start with NUL are never YAML or JSON: safe to send to the importing endpoint itself.
                if (bytes.Length > 0) bytes[0] = 0;
                return ("api/topology", bytes, random.Next(2) == 0 ? "application/yaml" : "application/json");
            case 1:
                return ("api/topology/validate", Encoding.UTF8.GetBytes(yaml[..random.Next(yaml.Length)]), "application/yaml");
            case 2:
                var depth = random.Next(100, 50_000);
                return ("api/topology/validate", Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)), "application/json");
            case 3:
                var deepYaml = new StringBuilder();
                for (var i = 0; i < random.Next(100, 5000); i++) deepYaml.Append(new string(' ', i % 200)).Append("- ");
                return ("api/topology/validate", Encoding.UTF8.GetBytes(deepYaml.ToString()), "application/yaml");
            case 4:
                var injected = yaml.Replace("id: ", "id: \"" + Pick(random, "\\0", "'; DROP TABLE twins;--", "../../x", "${jndi:x}", "a\\nb", "\\ud800") + "\"", StringComparison.Ordinal);
                return ("api/topology/validate", Encoding.UTF8.GetBytes(injected), "application/yaml");
            case 5:
                var numbers = System.Text.RegularExpressions.Regex.Replace(yaml, @"\b\d+(\.\d+)?\b", _ => Pick(random, "1e400", "-1", "NaN", ".inf", "99999999999999999999999999", "0x7fffffff"));
                return ("api/topology/validate", Encoding.UTF8.GetBytes(numbers), "application/yaml");
            case 6:
                return ("api/twins", Encoding.UTF8.GetBytes(Pick(random, "{\"id\":\"\\u0000\",\"kind\":\"server\"}", "{\"id\":null}", "[]", "{", "{\"id\":\"x\",\"kind\":\"" + new string('k', 10000) + "\"}")), "application/json");
            case 7:
                return ("api/scenarios", Encoding.UTF8.GetBytes(Pick(random, "{", "{\"kind\":\"crac_failure\",\"target\":\"\\u0000\"}", "{\"durationS\":1e400}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "{\"kind\":\"crac_failure\",\"target\":\"no-such\",\"durationS\":-5}")), "application/json");
            case 8:
                return ("api/twins/" + Uri.EscapeDataString(Pick(random, "\u0000", "..", "a/b", new string('x', 2000))) + "/commands", Encoding.UTF8.GetBytes("{\"name\":\"set_setpoint\",\"arguments\":{\"setpoint_c\":1e400}}"), "application/json");
            default:
                return ("api/topology/validate", Encoding.UTF8.GetBytes(yaml.Replace("kind: ", "kind: " + Pick(random, "x", "[", "{", "!!binary", "&a *a") + " ", StringComparison.Ordinal)), "application/yaml");
        }
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];
}
