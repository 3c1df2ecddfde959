using Glas.Web.Platform.Files;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Consultations;

public static class ConsultationFiles
{
    /// <summary>Why an upload was refused, in the interface language.</summary>
    public static string UploadRefusal(UploadProblem problem, Microsoft.Extensions.Localization.IStringLocalizer<ConsultationsText> t) => problem switch
    {
        UploadProblem.Macros => t["Upload.Macros"],
        UploadProblem.Expands => string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Upload.Expands"], UploadCheck.MaxUnpackedBytes / 1024 / 1024, UploadCheck.MaxZipEntries),
        _ => t["Upload.WrongType"],
    };

    /// <summary>Serves a stored version as an attachment with the type its content was checked to be.</summary>
    public static IEndpointRouteBuilder MapConsultationFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/consultations/{id:guid}/files/{versionId:guid}", async (Guid id, Guid versionId, GlasDbContext db, FileStore files, TenantRoles roles, HttpContext context) =>
        {
            var consultation = await db.Consultations.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Status }).FirstOrDefaultAsync();
            if (consultation is null)
            {
                return Results.NotFound();
            }
            if (consultation.Status == ConsultationStatus.Draft
                && !(await roles.CurrentRoleAsync(context.User) is { } role && RoleRules.Satisfies(role, TenantRole.Official)))
            {
                return Results.NotFound();
            }
            var version = await db.DocumentVersions.AsNoTracking()
                .Where(v => v.Id == versionId && db.ConsultationDocuments.Any(d => d.Id == v.DocumentId && d.ConsultationId == id))
                .FirstOrDefaultAsync();
            return files.Download(context, version?.StorageKey, version?.ContentType ?? "", version?.FileName);
        }).ExcludeFromDescription();
        return app;
    }
}
