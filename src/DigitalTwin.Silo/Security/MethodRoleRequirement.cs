using DigitalTwin.Abstractions.Security;
using Microsoft.AspNetCore.Authorization;

namespace DigitalTwin.Silo.Security;

/// <summary>
/// The rule for every endpoint that names no role of its own (the fallback policy): reading (GET, HEAD) needs a
/// viewer, anything else an admin. A new endpoint is therefore never open to readers by accident; an endpoint that
/// operators may use says so with <c>RequireAuthorization(TwinRoles.Operator)</c>.
/// </summary>
internal sealed class MethodRoleRequirement : AuthorizationHandler<MethodRoleRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MethodRoleRequirement requirement)
    {
        var method = (context.Resource as HttpContext)?.Request.Method;
        var needed = method is not null && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) ? TwinRoles.Viewer : TwinRoles.Admin;
        if (context.User.IsInRole(needed)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
