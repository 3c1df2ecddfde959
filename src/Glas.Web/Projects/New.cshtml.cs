using Glas.Web.Platform.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Projects;

public sealed class NewModel(GlasDbContext db, ProjectEditor editor, IStringLocalizer<ProjectsText> t) : ProjectFormModel(db, editor, t)
{
    public void OnGet() => Input = new ProjectFormInput { Status = nameof(ProjectStatus.InProgress), Role = nameof(AdministrationRole.Beneficiary), Currency = nameof(Currency.EUR) };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Read([]) is not { } input)
        {
            return Page();
        }
        var errors = await Editor.ValidateAsync(input, null, ct);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return Page();
        }
        var project = await Editor.CreateAsync(input, await Db.ActorAsync(User, ct), ct);
        await Db.SaveChangesAsync(ct);
        TempData["Status"] = T["Saved"].Value;
        return Redirect($"{Request.PathBase}/projects/{project.Id}");
    }
}
