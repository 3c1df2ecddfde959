using Glas.Web.Platform.Database;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Library;

/// <summary>The library: every publication of the administration, newest first, paged, filtered by type and topic.</summary>
public sealed class IndexModel(GlasDbContext db) : PageModel
{
    public LibraryFilter Filter { get; private set; } = new(null, null);
    public bool FilterInvalid { get; private set; }
    public List<LibraryEntry> Entries { get; private set; } = [];
    public Dictionary<Guid, int> FileCounts { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(string? type, string? topic, int? p, CancellationToken ct)
    {
        if (LibraryFilter.Parse(type, topic) is { } filter)
        {
            Filter = filter;
        }
        else
        {
            FilterInvalid = true;
        }
        var query = db.LibraryEntries.AsNoTracking();
        if (Filter.Type is { } t)
        {
            query = query.Where(e => e.Type == t);
        }
        if (Filter.Topic is { } c)
        {
            query = query.Where(e => e.Topic == c);
        }
        Pager = new Pager(p, LibraryRules.PageSize, await query.CountAsync(ct), Filter.Query());
        Entries = await query.OrderByDescending(e => e.Date).ThenBy(e => e.Id).Skip(Pager.Skip).Take(LibraryRules.PageSize).ToListAsync(ct);
        var ids = Entries.Select(e => e.Id).ToList();
        FileCounts = await db.Documents.AsNoTracking().Where(d => d.SubjectKind == LibraryDocumentSubjects.SubjectKind && ids.Contains(d.SubjectId))
            .GroupBy(d => d.SubjectId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}
