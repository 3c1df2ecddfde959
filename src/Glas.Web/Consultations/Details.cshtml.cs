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

/// <summary>What the discussion beside the draft shows: everything, proposals without replies, or proposals with an answer.</summary>
public enum DiscussionFilter
{
    All,
    Proposals,
    Answered,
}

/// <summary>
/// The consultation page: the draft as the act it is, each article with its discussion beside it
/// (the newest comments, the form to comment on the article or one of its parts, and after the
/// report each proposal's answer), then the comments on the draft as a whole.
/// </summary>
public sealed class DetailsModel(GlasDbContext db, TimeProvider time, TenantRoles roles, UserManager<GlasUser> users, IOptions<ConsultationOptions> options, IStringLocalizer<ConsultationsText> t)
    : ConsultationPageModel(db, time, roles, users, options, t)
{
    public const int CommentsPerPage = 30;

    /// <summary>Comments shown in an opened article's discussion before "all N comments".</summary>
    public const int InlineComments = 5;

    /// <summary>How many articles the "most discussed" strip names.</summary>
    public const int MostDiscussedCount = 5;

    /// <summary>
    /// An article's discussion: its comment count (replies included), whether its comments and form
    /// are on the page (Loaded), the comments shown, and the pager when all are shown.
    /// </summary>
    public sealed record Discussion(int Count, int Proposals, bool Loaded, List<CommentView> Comments, Pager? Pager);

    public DraftDocument Draft { get; private set; } = DraftDocument.Build([]);
    public Dictionary<string, Discussion> Discussions { get; } = new(StringComparer.Ordinal);
    public List<(DraftBlock Block, int Count)> MostDiscussed { get; private set; } = [];
    public Dictionary<Guid, int> UnitComments { get; private set; } = [];
    public Dictionary<Guid, CommentNote> Answers { get; private set; } = [];
    public List<DocumentView> Documents { get; private set; } = [];
    public List<TimelineEvent> Timeline { get; private set; } = [];
    public List<CommentView> Comments { get; private set; } = [];
    public int CommentTotal { get; private set; }
    public int AllComments { get; private set; }
    public Pager Pager { get; private set; } = new(1, CommentsPerPage, 0, "");
    public bool ReportPublic => ReportData.IsPublic(Status);

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    /// <summary>The article whose whole discussion is shown (paged by <see cref="ArticlePage"/>), by anchor.</summary>
    [BindProperty(SupportsGet = true, Name = "a")]
    public string? Article { get; set; }

    [BindProperty(SupportsGet = true, Name = "ap")]
    public int? ArticlePage { get; set; }

    /// <summary>The article whose discussion is open (after commenting on it), by anchor.</summary>
    [BindProperty(SupportsGet = true, Name = "open")]
    public string? OpenArticle { get; set; }

    [BindProperty(SupportsGet = true, Name = "show")]
    public DiscussionFilter Show { get; set; }

    /// <summary>The article a posted comment is about, when it is one.</summary>
    public DraftBlock? PostedBlock { get; private set; }

    private DraftPart? postedPart;

    protected override Guid? CommentUnitId => postedPart?.Id;

    /// <summary>Back to the page with the article just commented on open.</summary>
    protected override string BackTo => (PostedBlock ?? Draft.Find(OpenArticle)) is { } b ? Address(Show, ("open", b.Anchor), null) : Here;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!ModelState.IsValid)
        {
            // A filter or page that is not one of ours: the page without it rather than an error.
            ModelState.Clear();
            Show = DiscussionFilter.All;
        }
        if (!Enum.IsDefined(Show))
        {
            Show = DiscussionFilter.All;
        }
        if (!await LoadConsultationAsync(id))
        {
            return NotFound();
        }
        await LoadPageAsync();
        return Page();
    }

    protected override async Task<bool> LoadSubjectAsync()
    {
        var units = await Db.DraftUnits.AsNoTracking().Where(u => u.ConsultationId == Consultation.Id).OrderBy(u => u.Number)
            .Select(u => new DraftPart(u.Id, u.Number, u.Kind, u.Label, u.Path, u.Text, u.Depth)).ToListAsync();
        Draft = DraftDocument.Build(units);
        if (Comment.Target is { } target)
        {
            // A comment on a part of the draft: the part must be this consultation's.
            postedPart = units.FirstOrDefault(u => u.Id == target);
            if (postedPart is null)
            {
                return false;
            }
            PostedBlock = Draft.BlockOf(target);
        }
        return true;
    }

    protected override async Task LoadPageAsync()
    {
        var id = Consultation.Id;
        var ct = HttpContext.RequestAborted;
        if (!ReportPublic && Show == DiscussionFilter.Answered)
        {
            Show = DiscussionFilter.All;
        }
        OpenArticle ??= PostedBlock?.Anchor;

        // One pass over the comments gives the count per unit, the total and the top-level count.
        var counts = await Db.Comments.On(ConsultationComments.Kind, id)
            .GroupBy(c => new { c.UnitId, Top = c.ParentId == null }).Select(g => new { g.Key.UnitId, g.Key.Top, Count = g.Count() }).ToListAsync(ct);
        UnitComments = counts.Where(c => c.UnitId != null).GroupBy(c => c.UnitId!.Value).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var unitProposals = counts.Where(c => c.UnitId != null && c.Top).ToDictionary(c => c.UnitId!.Value, c => c.Count);
        AllComments = counts.Sum(c => c.Count);
        CommentTotal = counts.Where(c => c.UnitId == null && c.Top).Sum(c => c.Count);

        await LoadDiscussionsAsync(unitProposals, ct);

        var subjects = HttpContext.RequestServices.GetRequiredService<ConsultationDocumentSubjects>();
        Documents = subjects.InOrder(await HttpContext.RequestServices.GetRequiredService<DocumentLibrary>().ListAsync(ConsultationFiles.Kind, id, ct));
        Timeline = await Db.TimelineEvents.AsNoTracking().Where(e => e.ConsultationId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        Pager = new Pager(PageNumber ?? 1, CommentsPerPage, CommentTotal, "");
        Comments = await CommentViews.PageAsync(Db, ConsultationComments.Kind, id, null, Viewer, Pager.Current, CommentsPerPage, ct);
        await LoadAnswersAsync(Comments, ct);
    }

    /// <summary>
    /// The newest proposals of every article (all of them, paged, for the one asked for), with their
    /// replies, in two queries: the top-level keys of the whole draft, then the chosen comments.
    /// </summary>
    private async Task LoadDiscussionsAsync(Dictionary<Guid, int> unitProposals, CancellationToken ct)
    {
        // A discussion's comments and form are on the page when it is open (asked for, or just
        // commented on) or when the reader filters the discussion; otherwise only its count is, and
        // opening it loads it (in place with script, by the link inside it without).
        var loaded = Draft.Blocks.Where(b => b.Kind != BlockKind.Heading && (Show != DiscussionFilter.All || IsOpen(b))).ToHashSet();
        var units = loaded.SelectMany(b => b.Parts).Select(p => p.Id).ToList();
        var top = Db.Comments.AsNoTracking().On(ConsultationComments.Kind, Consultation.Id)
            .Where(c => c.ParentId == null && c.UnitId != null && units.Contains(c.UnitId.Value));
        if (Show == DiscussionFilter.Answered)
        {
            top = top.Where(c => Db.ProposalAnswers.Any(a => a.CommentId == c.Id));
        }
        var keys = loaded.Count == 0 ? [] : await top.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Select(c => new { c.Id, UnitId = c.UnitId!.Value }).ToListAsync(ct);
        var expanded = Draft.Find(Article);
        var chosen = new Dictionary<DraftBlock, List<Guid>>();
        var pagers = new Dictionary<DraftBlock, Pager>();
        foreach (var group in keys.GroupBy(k => Draft.BlockOf(k.UnitId)).Where(g => g.Key is not null))
        {
            var block = group.Key!;
            if (block == expanded)
            {
                var pager = new Pager(ArticlePage ?? 1, CommentsPerPage, group.Count());
                pagers[block] = pager;
                chosen[block] = group.Skip(pager.Skip).Take(CommentsPerPage).Select(k => k.Id).ToList();
            }
            else
            {
                chosen[block] = group.Take(InlineComments).Select(k => k.Id).ToList();
            }
        }
        var views = (await CommentViews.WithRepliesAsync(Db, chosen.Values.SelectMany(v => v).ToList(), Viewer, ct)).ToDictionary(v => v.Id);
        if (Show == DiscussionFilter.Proposals)
        {
            foreach (var view in views.Values)
            {
                view.Replies.Clear();
            }
        }
        foreach (var block in Draft.Blocks.Where(b => b.Kind != BlockKind.Heading))
        {
            var count = block.Parts.Sum(p => UnitComments.GetValueOrDefault(p.Id));
            var proposals = block.Parts.Sum(p => unitProposals.GetValueOrDefault(p.Id));
            var comments = chosen.TryGetValue(block, out var ids) ? ids.Select(views.GetValueOrDefault).OfType<CommentView>().ToList() : [];
            Discussions[block.Anchor] = new Discussion(count, proposals, loaded.Contains(block), comments, pagers.GetValueOrDefault(block));
        }
        MostDiscussed = Draft.Blocks.Where(b => b.Kind == BlockKind.Passage)
            .Select(b => (Block: b, Discussions[b.Anchor].Count)).Where(x => x.Count > 0)
            .OrderByDescending(x => x.Count).Take(MostDiscussedCount).ToList();
        await LoadAnswersAsync(views.Values, ct);
    }

    /// <summary>Once the report is public, each proposal's answer, shown under it.</summary>
    private async Task LoadAnswersAsync(IEnumerable<CommentView> proposals, CancellationToken ct)
    {
        if (!ReportPublic)
        {
            return;
        }
        var ids = proposals.Select(p => p.Id).ToList();
        if (ids.Count == 0)
        {
            return;
        }
        var answers = await Db.ProposalAnswers.AsNoTracking().Where(a => ids.Contains(a.CommentId)).ToListAsync(ct);
        foreach (var a in answers)
        {
            Answers[a.CommentId] = new CommentNote(T["Answer.Title", T["Outcome." + a.Outcome]], a.Justification, a.Outcome switch
            {
                AnswerOutcome.Accepted => "positive",
                AnswerOutcome.PartiallyAccepted => "partial",
                AnswerOutcome.NotAccepted => "negative",
                _ => "neutral",
            });
        }
    }

    /// <summary>Is the discussion of this block open when the page loads (asked for, or just commented on)?</summary>
    public bool IsOpen(DraftBlock block) => block.Anchor == OpenArticle || block.Anchor == Article;

    /// <summary>The shared comment panel for an article's discussion; only the form that was posted shows its messages.</summary>
    public CommentsPanel PanelFor(DraftBlock block, Discussion discussion) => CommentsPanel(discussion.Comments, T["Comment.LabelArticle", block.InText]) with
    {
        Targets = block.Parts.Select(p => new CommentTarget(p.Id, TargetLabel(block, p))).ToList(),
        Suffix = PostedBlock == block ? null : block.Anchor,
        Notes = Answers,
    };

    /// <summary>The panel of the comments on the draft as a whole (its form shows messages only when it was the one posted).</summary>
    public CommentsPanel GeneralPanel() => CommentsPanel(Comments, T["Comment.LabelGeneral"]) with
    {
        Suffix = Comment.Target is null ? null : "general",
        Notes = Answers,
    };

    private string TargetLabel(DraftBlock block, DraftPart part) =>
        part.Path == block.Title ? T["Comment.WholeArticle", block.Title] : part.Path;

    /// <summary>The page with this article's discussion open, where it is (the filter kept).</summary>
    public string OpenLink(DraftBlock block) => Address(Show, ("open", block.Anchor), block.Anchor);

    /// <summary>The page's address with the given discussion filter and article, for links that keep the rest.</summary>
    public string Link(DiscussionFilter show, string? article = null, string? fragment = null) => Address(show, ("a", article), fragment);

    private string Address(DiscussionFilter show, (string Key, string? Value) part, string? fragment)
    {
        var query = new List<string>();
        if (show != DiscussionFilter.All)
        {
            query.Add("show=" + show.ToString().ToLowerInvariant());
        }
        if (part.Value is not null)
        {
            query.Add(part.Key + "=" + Uri.EscapeDataString(part.Value));
        }
        return Here + (query.Count > 0 ? "?" + string.Join('&', query) : "") + (fragment is null ? "" : "#" + fragment);
    }
}
