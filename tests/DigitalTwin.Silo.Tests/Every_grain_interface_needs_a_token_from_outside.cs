using System.Reflection;
using DigitalTwin.Abstractions.Audit;
using DigitalTwin.Abstractions.Grains;
using DigitalTwin.Abstractions.Identity;
using DigitalTwin.Abstractions.Security;
using DigitalTwin.Abstractions.Telemetry;
using DigitalTwin.Abstractions.Twins;
using DigitalTwin.Silo.Security;
using DigitalTwin.Testing.Processes;
using Orleans.Concurrency;

namespace DigitalTwin.Silo.Tests;

/// <summary>
/// External Orleans clients (integrators, dt) of a silo that requires sign-in: every method of every grain interface
/// the product defines (found by reflection, so new ones are covered) is refused without a token and with an
/// expired, forged or foreign one; each role is let through where it belongs; calls inside the silo still flow.
/// </summary>
public sealed class Every_grain_interface_needs_a_token_from_outside(SecuredSiloProcess secured) : IClassFixture<SecuredSiloProcess>
{
    [Fact]
    public async Task Every_method_is_refused_without_a_valid_token()
    {
        var security = secured.Security;
        var presented = new Dictionary<string, string?>
        {
            ["no token"] = null,
            ["an expired token"] = security.Mint(TwinRole.Admin, DateTimeOffset.UtcNow.AddHours(-3), TimeSpan.FromHours(1)),
            ["a token signed with another key"] = security.Mint(TwinRole.Admin, DateTimeOffset.UtcNow, TimeSpan.FromHours(1), key: new byte[32]),
            ["a token for another cluster"] = security.Mint(TwinRole.Admin, DateTimeOffset.UtcNow, TimeSpan.FromHours(1), audience: "elsewhere"),
        };
        var methods = GrainMethods().ToList();
        Assert.Contains(methods, m => m.DeclaringType == typeof(ITopologyGrain));
        Assert.Contains(methods, m => m.DeclaringType == typeof(IAuditTrailGrain));
        foreach (var (kind, token) in presented)
        {
            await using var client = await ExternalClient.ConnectAsync(secured.Silo.Ports.Gateway, token: token);
            foreach (var method in methods)
            {
                var refusal = await Assert.ThrowsAsync<TwinAccessDeniedException>(() => CallAsync(client.Client, method));
                Assert.Contains(method.Name, refusal.Reason);
            }
        }
    }

    [Fact]
    public async Task A_viewer_is_refused_every_method_that_changes_something_and_reaches_every_read()
    {
        await using var viewer = await ExternalClient.ConnectAsync(secured.Silo.Ports.Gateway, token: await secured.Security.SignInAsync(secured.Silo.Http, TwinRole.Viewer));
        foreach (var method in GrainMethods())
        {
            var name = $"{method.DeclaringType!.Name}.{method.Name}";
            var needed = GrainMethodRoles.For(method);
            // Reads are named so; anything else changes something and must need more than a viewer, whatever it declares.
            if (!ReadPrefixes.Any(p => method.Name.StartsWith(p, StringComparison.Ordinal))) Assert.True(needed > TwinRole.Viewer, $"{name} is open to viewers");
            // Arguments are defaults (null, 0): a method the viewer may call fails on them, or answers, but is never refused.
            var error = await Record.ExceptionAsync(() => CallAsync(viewer.Client, method));
            if (needed > TwinRole.Viewer)
            {
                var refusal = Assert.IsType<TwinAccessDeniedException>(error);
                Assert.Contains("viewer", refusal.Reason);
            }
            else
            {
                Assert.False(error is TwinAccessDeniedException, $"{name} refused a viewer: {error?.Message}");
            }
        }
    }

    private static readonly string[] ReadPrefixes = ["Get", "Find", "Resolve", "List"];

    [Fact]
    public async Task Each_role_reaches_what_it_may_and_no_more_and_the_silo_works_inside()
    {
        var security = secured.Security;
        await using var viewer = await ExternalClient.ConnectAsync(secured.Silo.Ports.Gateway, token: await security.SignInAsync(secured.Silo.Http, TwinRole.Viewer));
        await using var @operator = await ExternalClient.ConnectAsync(secured.Silo.Ports.Gateway, token: await security.SignInAsync(secured.Silo.Http, TwinRole.Operator));
        await using var admin = await ExternalClient.ConnectAsync(secured.Silo.Ports.Gateway, token: await security.SignInAsync(secured.Silo.Http, TwinRole.Admin));
        var now = DateTimeOffset.UtcNow;

        Assert.Equal("rack-sec", (await viewer.Client.GetGrain<IRackGrain>("rack-sec").GetSnapshotAsync()).Spec.Id);
        Assert.NotNull(await viewer.Client.GetLiveTopology().ResolveAsync("srv-sec"));
        await Assert.ThrowsAsync<TwinAccessDeniedException>(() => viewer.Client.GetGrain<IAssetGrain>("crac-sec").SendCommandAsync("set_setpoint", new Dictionary<string, double> { ["setpoint_c"] = 20 }));
        await Assert.ThrowsAsync<TwinAccessDeniedException>(() => viewer.Client.GetGrain<IAssetGrain>("srv-sec").IngestAsync(new TelemetryBatch("srv-sec", [new Reading(MetricNames.Power, 300, now)])));
        await Assert.ThrowsAsync<TwinAccessDeniedException>(() => viewer.Client.GetGrain<IRackGrain>("rack-sec").AcknowledgeAlertAsync("none", "viewer"));

        var applied = await @operator.Client.GetGrain<IAssetGrain>("srv-sec").IngestAsync(new TelemetryBatch("srv-sec", [new Reading(MetricNames.Power, 300, now)]));
        Assert.Equal(1, applied.Applied);
        await @operator.Client.GetGrain<IAssetGrain>("crac-sec").SendCommandAsync("set_setpoint", new Dictionary<string, double> { ["setpoint_c"] = 20 });
        await Assert.ThrowsAsync<TwinAccessDeniedException>(() => @operator.Client.GetLiveTopology().AddAsync(new TwinSpec("srv-sec-2", TwinKind.Server, "rack-sec")));
        await Assert.ThrowsAsync<TwinAccessDeniedException>(() => @operator.Client.GetGrain<IAuditTrailGrain>(0).VerifyAsync());

        Assert.True((await admin.Client.GetLiveTopology().AddAsync(new TwinSpec("srv-sec-2", TwinKind.Server, "rack-sec"))).Applied);

        // Rollups are grain-to-grain calls inside the silo: the operator's reading reaches the rack without a token of its own.
        await Eventually.TrueAsync(async () => (await viewer.Client.GetGrain<IRackGrain>("rack-sec").GetRollupAsync()).ItPowerW >= 300, "the rack's rollup holds the server's power");

        var trail = await admin.Client.GetGrain<IAuditTrailGrain>(0).ListAsync(new AuditQuery());
        Assert.Contains(trail, r => r is { Action: AuditActions.TopologyImport, Actor: "admin" });
        Assert.Contains(trail, r => r is { Action: AuditActions.TopologyAdd, Actor: "admin", TwinId: "srv-sec-2" });
        Assert.Contains(trail, r => r is { Action: AuditActions.CommandSend, Actor: "operator", TwinId: "crac-sec" } && r.Detail.Contains("set_setpoint(setpoint_c=20)"));
        Assert.True((await admin.Client.GetGrain<IAuditTrailGrain>(0).VerifyAsync()).Valid);
    }

    [Fact]
    public void No_password_key_or_token_reaches_the_log()
    {
        var output = secured.Silo.Output;
        Assert.Contains("Security mode Required", output);
        Assert.DoesNotContain(secured.Security.TokenKey, output);
        foreach (var role in Enum.GetValues<TwinRole>()) Assert.DoesNotContain(secured.Security.PasswordOf(role), output);
        Assert.DoesNotContain("eyJ", output);
    }

    /// <summary>Every method of every grain interface in the product's assemblies, except one-way ones (whose refusal a caller cannot see).</summary>
    private static IEnumerable<MethodInfo> GrainMethods() =>
        new[] { typeof(ITwinGrain).Assembly, typeof(DigitalTwin.Grains.TwinOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsInterface && (typeof(IGrainWithStringKey).IsAssignableFrom(t) || typeof(IGrainWithIntegerKey).IsAssignableFrom(t)))
            .SelectMany(t => t.GetMethods())
            .Where(m => !m.IsGenericMethod && m.GetCustomAttribute<OneWayAttribute>() is null);

    // An interface several grain classes implement (ITwinGrain, ITwinMember) is addressed through one of them, as the silo does.
    private static IAddressable StringKeyed(IClusterClient client, Type type)
    {
        try
        {
            return client.GetGrain(type, "rack-sec");
        }
        catch (ArgumentException)
        {
            IAddressable carrier = type.IsAssignableFrom(typeof(IAssetGrain)) ? client.GetGrain<IAssetGrain>("srv-sec") : client.GetGrain<IRackGrain>("rack-sec");
            var cast = typeof(GrainExtensions).GetMethods().Single(m => m.Name == nameof(GrainExtensions.AsReference) && m.IsGenericMethod && m.GetParameters().Length == 1);
            return (IAddressable)cast.MakeGenericMethod(type).Invoke(null, [carrier])!;
        }
    }

    private static Task CallAsync(IClusterClient client, MethodInfo method)
    {
        var type = method.DeclaringType!;
        var grain = typeof(IGrainWithIntegerKey).IsAssignableFrom(type) ? client.GetGrain(type, 0L) : StringKeyed(client, type);
        var arguments = method.GetParameters().Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
        return method.Invoke(grain, arguments) switch
        {
            Task task => task,
            ValueTask valueTask => valueTask.AsTask(),
            var other => (Task)other!.GetType().GetMethod("AsTask")!.Invoke(other, null)!,
        };
    }
}
