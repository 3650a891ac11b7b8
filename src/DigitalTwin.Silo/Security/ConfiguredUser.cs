using DigitalTwin.Abstractions.Security;

namespace DigitalTwin.Silo.Security;

/// <summary>A person or script that may sign in: <c>DigitalTwin:Security:Users:&lt;name&gt;:Role</c> and <c>:PasswordHash</c>.</summary>
/// <param name="Name">The user name (the configuration key).</param>
/// <param name="Role">What the user may do.</param>
/// <param name="PasswordHash">ASP.NET Core's PasswordHasher format (PBKDF2), as <c>dt hash-password</c> prints it; never the password.</param>
public sealed record ConfiguredUser(string Name, TwinRole Role, string PasswordHash);
