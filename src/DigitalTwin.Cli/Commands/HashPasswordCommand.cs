using System.CommandLine;
using Microsoft.AspNetCore.Identity;

namespace DigitalTwin.Cli.Commands;

/// <summary>
/// <c>echo 'secret' | dt hash-password</c>: prints the hash to put in <c>DigitalTwin:Security:Users:&lt;name&gt;:PasswordHash</c>
/// (ASP.NET Core's PasswordHasher: PBKDF2, HMAC-SHA512, 100,000 iterations, random salt).
/// </summary>
internal static class HashPasswordCommand
{
    public static Command Create()
    {
        var command = new Command("hash-password", "Read a password from standard input and print its hash for the silo's users configuration.");
        command.SetAction(_ =>
        {
            var password = Console.In.ReadLine();
            if (string.IsNullOrEmpty(password))
            {
                Console.Error.WriteLine("dt hash-password: give the password on standard input");
                return 2;
            }
            Console.WriteLine(new PasswordHasher<object>().HashPassword(new object(), password));
            return 0;
        });
        return command;
    }
}
