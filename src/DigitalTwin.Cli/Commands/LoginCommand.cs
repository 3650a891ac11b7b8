using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using DigitalTwin.Cli.Client;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>dt login --user alice</c>: asks the silo (<c>POST /api/auth/token</c>) for a short-lived access token and saves
/// it where every later <c>dt</c> command finds it. The password comes from standard input or <c>$DT_PASSWORD</c>,
/// never from the command line (where other users could see it).
/// </summary>
internal static class LoginCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The silo's web address (default http://127.0.0.1:5080).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var user = new Option<string>("--user") { Description = "The user name.", Required = true };
        var print = new Option<bool>("--print") { Description = "Print the token (for DT_TOKEN or an integrator's client) instead of saving it." };
        var command = new Command("login", "Sign in: get an access token from the silo (password on standard input or in $DT_PASSWORD) and save it for dt.") { url, user, print };
        command.SetAction(async (parse, ct) =>
        {
            var password = Environment.GetEnvironmentVariable("DT_PASSWORD") is { Length: > 0 } fromEnvironment ? fromEnvironment : Console.In.ReadLine();
            if (string.IsNullOrEmpty(password))
            {
                await Console.Error.WriteLineAsync("dt login: give the password on standard input (echo ... | dt login --user NAME) or in $DT_PASSWORD");
                return 2;
            }
            using var http = new HttpClient { BaseAddress = new Uri(parse.GetValue(url)!), Timeout = TimeSpan.FromSeconds(30) };
            HttpResponseMessage response;
            try
            {
                response = await http.PostAsJsonAsync("/api/auth/token", new { username = parse.GetValue(user), password }, ct);
            }
            catch (HttpRequestException e)
            {
                await Console.Error.WriteLineAsync($"dt login: cannot reach {parse.GetValue(url)}: {e.Message}");
                return 3;
            }
            if (!response.IsSuccessStatusCode)
            {
                await Console.Error.WriteLineAsync($"dt login: refused ({(int)response.StatusCode}): unknown user name or wrong password");
                return 5;
            }
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            var token = answer.GetProperty("token").GetString()!;
            if (parse.GetValue(print))
            {
                Console.WriteLine(token);
                return 0;
            }
            TokenFile.Save(token);
            Console.WriteLine($"signed in as {answer.GetProperty("user").GetString()} ({answer.GetProperty("role").GetString()}) until " +
                $"{answer.GetProperty("expiresAt").GetDateTimeOffset():u}; token saved to {TokenFile.Path}");
            return 0;
        });
        return command;
    }
}
