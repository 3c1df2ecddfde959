using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Accounts;

/// <summary>Field checks shared by registration and the profile.</summary>
public static class AccountValidation
{
    /// <summary>
    /// The rule of <see cref="DisplayNames"/>, then what only the database knows: the name may not
    /// pass for an administration (any tenant's name) or for another user (same <see cref="DisplayNames.Key"/>).
    /// </summary>
    public static async Task CheckDisplayNameAsync(ModelStateDictionary state, string field, string? name, GlasDbContext db, Guid? self, IStringLocalizer l, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return; // [Required] reports it.
        }
        var problem = DisplayNames.Check(name);
        if (problem != DisplayNames.Problem.None)
        {
            state.AddModelError(field, l["Validation.DisplayName." + problem]);
            return;
        }
        var key = DisplayNames.Key(name);
        if (key.Length == 0)
        {
            return; // a name in another script: nothing to compare by.
        }
        var tenants = await db.Tenants.AsNoTracking().Select(t => new { t.NameBg, t.NameEn }).ToListAsync(ct);
        if (tenants.Any(t => DisplayNames.Key(t.NameBg) == key || DisplayNames.Key(t.NameEn) == key))
        {
            state.AddModelError(field, l["Validation.DisplayName.Reserved"]);
            return;
        }
        var sql = $"""SELECT EXISTS (SELECT 1 FROM "AspNetUsers" WHERE "DeletedAt" IS NULL AND "Id" <> @self AND {DisplayNames.SqlKey("\"DisplayName\"")} = @key) AS "Value" """;
        var taken = await db.Database.SqlQueryRaw<bool>(sql, new NpgsqlParameter("self", self ?? Guid.Empty), new NpgsqlParameter("key", key)).SingleAsync(ct);
        if (taken)
        {
            state.AddModelError(field, l["Validation.DisplayName.Taken"]);
        }
    }

    public static void CheckOrganisation(ModelStateDictionary state, string? name, OrganisationType? type, string? eik, IStringLocalizer l)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            state.AddModelError("Input.OrganisationName", l["Validation.OrganisationName"]);
        }
        if (type is null || !Enum.IsDefined(type.Value))
        {
            state.AddModelError("Input.OrganisationType", l["Validation.OrganisationType"]);
        }
        if (!string.IsNullOrWhiteSpace(eik) && !Eik.IsValid(eik.Trim()))
        {
            state.AddModelError("Input.OrganisationEik", l["Validation.Eik"]);
        }
    }
}
