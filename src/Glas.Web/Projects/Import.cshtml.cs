using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Projects;

/// <summary>Officials import an ИСУН open-data JSON file or the register's CSV and see what happened to each project.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class ImportModel(GlasDbContext db, ProjectImporter importer, TenantContext tenant, IStringLocalizer<ProjectsText> t) : PageModel
{
    public ImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? format, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", t["Import.NoFile"]);
            return Page();
        }
        try
        {
            await using var stream = file.OpenReadStream();
            var actor = await db.ActorAsync(User, ct);
            Report = format == "csv"
                ? await ProjectsApi.ImportCsvAsync(importer, ProjectsCsv.Read(stream, t), actor, t, ct)
                : await importer.ImportIsunAsync(stream, actor, tenant.Required.NameBg, t, ct);
        }
        catch (ImportRefusedException ex)
        {
            ModelState.AddModelError("file", t["Import.Refused"] + " " + ex.Message);
        }
        return Page();
    }
}
