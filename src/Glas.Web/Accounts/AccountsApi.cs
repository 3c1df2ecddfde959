using System.Security.Claims;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Accounts;

public sealed record MeDto(Guid Id, string DisplayName, string Kind, string? OrganisationName, string Role);

public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me", async Task<Results<Ok<MeDto>, UnauthorizedHttpResult>> (ClaimsPrincipal principal, GlasDbContext db, TenantRoles roles, CancellationToken ct) =>
            {
                var id = principal.UserId();
                var user = id is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.DeletedAt == null, ct);
                if (user is null)
                {
                    return TypedResults.Unauthorized();
                }
                var role = await roles.CurrentRoleAsync(principal) ?? TenantRole.Participant;
                return TypedResults.Ok(new MeDto(user.Id, user.DisplayName, user.Kind.ToString(), user.OrganisationName, role.ToString()));
            })
            .RequireAuthorization()
            .WithTags("Accounts").WithName("Me").WithSummary("The signed-in user and their role in this administration.");
        return app;
    }
}
