using Glas.Web.Platform.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Projects;

public sealed class EditModel(GlasDbContext db, ProjectEditor editor, IStringLocalizer<ProjectsText> t) : ProjectFormModel(db, editor, t)
{
    public Guid Id { get; private set; }
    public string ProjectTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await ProjectQueries.FullAsync(Db, id, tracking: false, ct) is not { } project)
        {
            return NotFound();
        }
        (Id, ProjectTitle) = (id, project.Title);
        Input = ProjectFormInput.From(project);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await ProjectQueries.FullAsync(Db, id, tracking: true, ct) is not { } project)
        {
            return NotFound();
        }
        (Id, ProjectTitle) = (id, project.Title);
        if (Read() is not { } input)
        {
            return Page();
        }
        var errors = await Editor.ValidateAsync(input, project, ct);
        if (errors.Count > 0)
        {
            AddErrors(errors);
            return Page();
        }
        await Editor.UpdateAsync(project, input, await Db.ActorAsync(User, ct), ct);
        await Db.SaveChangesAsync(ct);
        TempData["Status"] = T["Saved"].Value;
        return Redirect($"{Request.PathBase}/projects/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, bool confirm, CancellationToken ct)
    {
        if (await Db.Projects.FindAsync([id], ct) is not { } project)
        {
            return NotFound();
        }
        if (!confirm)
        {
            (Id, ProjectTitle) = (id, project.Title);
            ModelState.AddModelError("confirm", T["Delete.Confirm.Required"]);
            Input = ProjectFormInput.From((await ProjectQueries.FullAsync(Db, id, tracking: false, ct))!);
            return Page();
        }
        await Editor.DeleteAsync(project, await Db.ActorAsync(User, ct), ct);
        await Db.SaveChangesAsync(ct);
        TempData["Status"] = T["Deleted"].Value;
        return Redirect($"{Request.PathBase}/projects");
    }
}
