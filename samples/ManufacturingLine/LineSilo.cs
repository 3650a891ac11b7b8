using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ManufacturingLine;

/// <summary>The silo's HTTP API as the line uses it: import its topology, read the maintenance predictions.</summary>
internal sealed class LineSilo : IDisposable
{
    private readonly HttpClient _http;

    public LineSilo(Uri silo, string? token)
    {
        _http = new HttpClient { BaseAddress = silo, Timeout = TimeSpan.FromMinutes(2) };
        if (token is not null) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Imports the topology (all or nothing); throws with every error the silo names when it refuses.</summary>
    public async Task<string> ImportAsync(string yaml, CancellationToken cancellationToken)
    {
        using var body = new StringContent(yaml);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        using var response = await _http.PostAsync("/api/topology", body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"the silo refused the topology ({(int)response.StatusCode}): {text}");
        using var answer = JsonDocument.Parse(text);
        var r = answer.RootElement;
        return $"{r.GetProperty("created").GetInt32()} twins created, {r.GetProperty("updated").GetInt32()} updated";
    }

    /// <summary>The fleet's predictions, riskiest first (the line picks its own machines out).</summary>
    public async Task<IReadOnlyList<MachinePrediction>> PredictionsAsync(CancellationToken cancellationToken) =>
        await _http.GetFromJsonAsync<List<MachinePrediction>>("/api/predictions?top=1000", JsonSerializerOptions.Web, cancellationToken) ?? [];

    public void Dispose() => _http.Dispose();
}
