using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Admin;

public sealed record MemberDto(Guid UserId, string DisplayName, string? Email, string Kind, string Role);


public sealed record RoleChange(string? Role);

public static class AdminApi
{
    public const int PageSize = 25;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").WithTags("Administration").RequireAuthorization(Policies.Administrator);

        admin.MapGet("/members", async Task<Ok<PageOf<MemberDto>>> (GlasDbContext db, int? page, string? q, CancellationToken ct) =>
            {
                var (items, total, current) = await Members.PageAsync(db, q, page, ct);
                return TypedResults.Ok(new PageOf<MemberDto>(
                    items.Select(m => new MemberDto(m.UserId, m.User!.DisplayName, m.User.Email, m.User.Kind.ToString(), m.Role.ToString())).ToList(),
                    current, PageSize, total));
            })
            .WithName("ListMembers").WithSummary("Members of this administration and their roles (administrators only).");

        admin.MapPut("/members/{userId:guid}/role", async Task<Results<NoContent, NotFound, ValidationProblem>> (
                Guid userId, RoleChange body, GlasDbContext db, HttpContext context, TimeProvider time, CancellationToken ct) =>
            {
                if (!Enum.TryParse<TenantRole>(body.Role, ignoreCase: false, out var role) || !Enum.IsDefined(role))
                {
                    return WebExtensions.Invalid("role", "Ролята трябва да е Participant, Moderator, Official или Administrator.");
                }
                var result = await Members.ChangeRoleAsync(db, context.CurrentTenant(), context.User.UserId(), userId, role, time.GetUtcNow(), ct);
                return result switch
                {
                    Members.ChangeResult.NotFound => TypedResults.NotFound(),
                    Members.ChangeResult.LastAdministrator => WebExtensions.Invalid("role", "Администрацията трябва да има поне един администратор."),
                    _ => TypedResults.NoContent(),
                };
            })
            .WithName("ChangeMemberRole").WithSummary("Gives a member of this administration a role (administrators only).");
        return app;
    }
}

/// <summary>Membership queries and the role change, shared by the admin pages and API.</summary>
public static class Members
{
    public enum ChangeResult
    {
        Changed,
        Unchanged,
        NotFound,
        LastAdministrator,
    }

    public static async Task<(List<Membership> Items, int Total, int Page)> PageAsync(GlasDbContext db, string? q, int? page, CancellationToken ct)
    {
        var query = db.Memberships.AsNoTracking().Include(m => m.User).Where(m => m.User!.DeletedAt == null);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = SearchText.Contains(q.Trim());
            query = query.Where(m => EF.Functions.ILike(m.User!.DisplayName, term) || EF.Functions.ILike(m.User.Email!, term));
        }
        var total = await query.CountAsync(ct);
        var pager = new Pager(page, AdminApi.PageSize, total);
        var items = await query.OrderBy(m => m.User!.DisplayName).ThenBy(m => m.UserId)
            .Skip(pager.Skip).Take(AdminApi.PageSize).ToListAsync(ct);
        return (items, total, pager.Current);
    }

    public static async Task<ChangeResult> ChangeRoleAsync(GlasDbContext db, Tenant tenant, Guid? actor, Guid userId, TenantRole role, DateTimeOffset now, CancellationToken ct)
    {
        var membership = await db.Memberships.Include(m => m.User).FirstOrDefaultAsync(m => m.UserId == userId && m.User!.DeletedAt == null, ct);
        if (membership is null)
        {
            return ChangeResult.NotFound;
        }
        if (membership.Role == role)
        {
            return ChangeResult.Unchanged;
        }
        var admins = await db.Memberships.CountAsync(m => m.Role == TenantRole.Administrator, ct);
        if (!RoleRules.CanChangeRole(membership.Role, role, admins))
        {
            return ChangeResult.LastAdministrator;
        }
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = tenant.Id,
            ActorUserId = actor,
            Action = "member.role",
            Subject = $"user:{userId}",
            Details = $"{membership.Role} → {role}",
            At = now,
        });
        membership.Role = role;
        membership.UpdatedAt = now;
        if (RoleRules.IsStaffRole(role) && membership.User!.Kind == AccountKind.Citizen)
        {
            membership.User.Kind = AccountKind.Staff;
        }
        await db.SaveChangesAsync(ct);
        return ChangeResult.Changed;
    }
}
