using System.Security.Claims;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Projects;

public static class ProjectsExtensions
{
    /// <summary>The signed-in user as the public history names them.</summary>
    public static async Task<Actor> ActorAsync(this GlasDbContext db, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var id = user.UserId();
        var name = id is null ? null : await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return new Actor(id, name ?? "—");
    }

    public static ValidationProblem Problem(IEnumerable<FieldError> errors) =>
        TypedResults.ValidationProblem(errors.GroupBy(e => e.Field.Length > 0 ? char.ToLowerInvariant(e.Field[0]) + e.Field[1..] : "")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
}
