using System.Security.Claims;
using System.Threading.RateLimiting;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Platform.Identity;

public static class Policies
{
    public const string Moderator = nameof(Moderator);
    public const string Official = nameof(Official);
    public const string Administrator = nameof(Administrator);

    /// <summary>Above every tenant: creates and edits administrations and their host names.</summary>
    public const string InstallationAdministrator = nameof(InstallationAdministrator);
    public const string AuthRateLimit = "auth";
}

public sealed class RateLimitOptions
{
    /// <summary>Sign-in, registration and password-reset submissions per client address per minute.</summary>
    public int AuthPerMinute { get; set; } = 10;

    /// <summary>Participant writes (comments, replies, supports, reports, ratings) per account per minute.</summary>
    public int ParticipationPerMinute { get; set; } = 6;

    /// <summary>Participant writes per client address per minute, whichever accounts make them.</summary>
    public int ParticipationPerAddressPerMinute { get; set; } = 30;
}

public sealed record TenantRoleRequirement(TenantRole Role) : IAuthorizationRequirement;

/// <summary>Checks the user's role in the request's tenant, on every request, against the database.</summary>
public sealed class TenantRoleHandler(TenantRoles roles) : AuthorizationHandler<TenantRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TenantRoleRequirement requirement)
    {
        var role = await roles.CurrentRoleAsync(context.User);
        if (role is { } held && RoleRules.Satisfies(held, requirement.Role))
        {
            context.Succeed(requirement);
        }
    }
}

public sealed record InstallationAdministratorRequirement : IAuthorizationRequirement;

/// <summary>The installation's administrators are named in configuration by e-mail address.</summary>
public sealed class InstallationAdministratorHandler(PublicAddress addresses) : AuthorizationHandler<InstallationAdministratorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, InstallationAdministratorRequirement requirement)
    {
        if (addresses.IsInstallationAdministrator(context.User.FindFirstValue(ClaimTypes.Email)))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// The signed-in user's role in the current tenant. The installation's administrators
/// (configured by e-mail address) administer every tenant.
/// </summary>
public sealed class TenantRoles(GlasDbContext db, TenantContext tenant, PublicAddress addresses)
{
    private readonly Dictionary<Guid, TenantRole?> cache = [];

    public async Task<TenantRole?> CurrentRoleAsync(ClaimsPrincipal principal)
    {
        if (tenant.TenantId is null || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }
        if (addresses.IsInstallationAdministrator(principal.FindFirstValue(ClaimTypes.Email)))
        {
            return TenantRole.Administrator;
        }
        if (!cache.TryGetValue(userId, out var role))
        {
            var membership = await db.Memberships.Where(m => m.UserId == userId).Select(m => (TenantRole?)m.Role).FirstOrDefaultAsync();
            role = membership ?? TenantRole.Participant;
            cache[userId] = role;
        }
        return role;
    }
}

public static class IdentityExtensions
{
    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static IServiceCollection AddGlasIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<GlasUser>(o =>
            {
                o.SignIn.RequireConfirmedEmail = true;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<GlasDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<BulgarianIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = Security.SecurityExtensions.AuthCookie;
            // One sign-in for the whole installation; roles are still checked per tenant.
            o.Cookie.Path = "/";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            // Programs calling the API get status codes, not a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = c => ApiOr(c.HttpContext, StatusCodes.Status401Unauthorized, () => c.Response.Redirect(c.RedirectUri));
            o.Events.OnRedirectToAccessDenied = c => ApiOr(c.HttpContext, StatusCodes.Status403Forbidden, () => c.Response.Redirect(c.RedirectUri));
        });
        // A deleted or changed account loses its sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddScoped<TenantRoles>();
        services.AddScoped<IAuthorizationHandler, TenantRoleHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Moderator, p => p.RequireAuthenticatedUser().AddRequirements(new TenantRoleRequirement(TenantRole.Moderator)))
            .AddPolicy(Policies.Official, p => p.RequireAuthenticatedUser().AddRequirements(new TenantRoleRequirement(TenantRole.Official)))
            .AddPolicy(Policies.Administrator, p => p.RequireAuthenticatedUser().AddRequirements(new TenantRoleRequirement(TenantRole.Administrator)))
            .AddPolicy(Policies.InstallationAdministrator, p => p.RequireAuthenticatedUser().AddRequirements(new InstallationAdministratorRequirement()));
        services.AddSingleton<IAuthorizationHandler, InstallationAdministratorHandler>();

        services.Configure<RateLimitOptions>(configuration.GetSection("Glas:RateLimits"));
        services.AddSingleton<Security.ParticipationLimiter>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policies.AuthRateLimit, context =>
            {
                // Only submissions count; showing the form is free.
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }
                var limit = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value.AuthPerMinute;
                var key = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    private static Task ApiOr(HttpContext context, int status, Action redirect)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Results.Problem(statusCode: status).ExecuteAsync(context);
        }
        redirect();
        return Task.CompletedTask;
    }
}
