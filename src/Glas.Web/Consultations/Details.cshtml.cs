using Glas.Web.Participation.Comments;
using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Glas.Web.Consultations;

public sealed class DetailsModel(GlasDbContext db, TimeProvider time, TenantRoles roles, UserManager<GlasUser> users, IOptions<ConsultationOptions> options, IStringLocalizer<ConsultationsText> t)
    : ConsultationPageModel(db, time, roles, users, options, t)
{
    public const int CommentsPerPage = 30;

    public sealed record UnitRow(int Number, UnitKind Kind, string Label, string Path, string Text, int Depth, int Comments);

    public List<UnitRow> Units { get; private set; } = [];
    public List<DocumentView> Documents { get; private set; } = [];
    public List<TimelineEvent> Timeline { get; private set; } = [];
    public List<CommentView> Comments { get; private set; } = [];
    public int CommentTotal { get; private set; }
    public int AllComments { get; private set; }
    public Pager Pager { get; private set; } = new(1, CommentsPerPage, 0, "");
    public int PageNumber { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(Guid id, int? p)
    {
        PageNumber = p ?? 1;
        if (!await LoadConsultationAsync(id))
        {
            return NotFound();
        }
        await LoadPageAsync();
        return Page();
    }

    protected override async Task LoadPageAsync()
    {
        var id = Consultation.Id;
        // One pass over the comments gives the count per unit, the total and the top-level count.
        var counts = await Db.Comments.On(ConsultationComments.Kind, id)
            .GroupBy(c => new { c.UnitId, Top = c.ParentId == null }).Select(g => new { g.Key.UnitId, g.Key.Top, Count = g.Count() }).ToListAsync();
        var perUnit = counts.Where(c => c.UnitId != null).GroupBy(c => c.UnitId!.Value).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        AllComments = counts.Sum(c => c.Count);
        CommentTotal = counts.Where(c => c.UnitId == null && c.Top).Sum(c => c.Count);
        var units = await Db.DraftUnits.AsNoTracking().Where(u => u.ConsultationId == id).OrderBy(u => u.Number).ToListAsync();
        Units = units.Select(u => new UnitRow(u.Number, u.Kind, u.Label, u.Path, u.Text, u.Depth, perUnit.GetValueOrDefault(u.Id))).ToList();
        var subjects = HttpContext.RequestServices.GetRequiredService<ConsultationDocumentSubjects>();
        Documents = subjects.InOrder(await HttpContext.RequestServices.GetRequiredService<DocumentLibrary>().ListAsync(ConsultationFiles.Kind, id, HttpContext.RequestAborted));
        Timeline = await Db.TimelineEvents.AsNoTracking().Where(e => e.ConsultationId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync();
        Pager = new Pager(PageNumber, CommentsPerPage, CommentTotal, "");
        Comments = await CommentViews.PageAsync(Db, ConsultationComments.Kind, id, null, Viewer, Pager.Current, CommentsPerPage, HttpContext.RequestAborted);
    }
}
