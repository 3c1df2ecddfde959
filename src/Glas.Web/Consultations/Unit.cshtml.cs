using Glas.Web.Participation.Comments;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Glas.Web.Consultations;

/// <summary>One unit of the draft with its comments; people comment on it here. The unit is the one in the route, for every handler.</summary>
public sealed class UnitModel(GlasDbContext db, TimeProvider time, TenantRoles roles, UserManager<GlasUser> users, IOptions<ConsultationOptions> options, IStringLocalizer<ConsultationsText> t)
    : ConsultationPageModel(db, time, roles, users, options, t)
{
    private DraftUnit? unit;

    public DraftUnit Unit => unit ?? throw new InvalidOperationException("Unit not loaded.");
    public int? Previous { get; private set; }
    public int? Next { get; private set; }
    public List<CommentView> Comments { get; private set; } = [];

    /// <summary>The article (or heading, or text) the unit belongs to, with all its parts, so a point or letter is read in its place.</summary>
    public DraftBlock? Block { get; private set; }
    public Pager Pager { get; private set; } = new(1, DetailsModel.CommentsPerPage, 0, "");

    [BindProperty(SupportsGet = true, Name = "number")]
    public int Number { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public override int? UnitNumber => Number;

    protected override Guid? SubjectUnitId => Unit.Id;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadConsultationAsync(id))
        {
            return NotFound();
        }
        await LoadPageAsync();
        return Page();
    }

    protected override async Task<bool> LoadSubjectAsync()
    {
        unit = await Db.DraftUnits.AsNoTracking().FirstOrDefaultAsync(u => u.ConsultationId == Consultation.Id && u.Number == Number);
        return unit is not null;
    }

    protected override async Task LoadPageAsync()
    {
        var parts = await Db.DraftUnits.AsNoTracking().Where(u => u.ConsultationId == Consultation.Id).OrderBy(u => u.Number)
            .Select(u => new DraftPart(u.Id, u.Number, u.Kind, u.Label, u.Path, u.Text, u.Depth)).ToListAsync();
        Block = DraftDocument.Build(parts).BlockOf(Unit.Id);
        var max = parts.Count == 0 ? Number : parts[^1].Number;
        Previous = Number > 1 ? Number - 1 : null;
        Next = Number < max ? Number + 1 : null;
        (Comments, Pager) = await CommentViews.PagedAsync(Db, ConsultationComments.Kind, Consultation.Id, Unit.Id, Viewer, PageNumber, DetailsModel.CommentsPerPage, HttpContext.RequestAborted);
    }
}
