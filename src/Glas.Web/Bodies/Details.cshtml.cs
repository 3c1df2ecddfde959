using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Bodies;

/// <summary>A table of members on the body's page.</summary>
public sealed record MemberTable(string Id, string Caption, List<BodyMember> Members, IReadOnlyDictionary<Guid, MemberAttendance>? Attendance = null);

/// <summary>A member's attendance: meetings present at, of the body's held meetings during the membership.</summary>
public sealed record MemberAttendance(int Present, int Held);

/// <summary>A body's page: its mandate, rules, present members and their history, and its meetings (paged).</summary>
public sealed class DetailsModel(GlasDbContext db, DocumentLibrary library, TimeProvider time) : PageModel
{
    public const int MeetingsPageSize = 20;

    public Body Body { get; private set; } = null!;
    public List<BodyMember> Current { get; private set; } = [];
    public List<BodyMember> Former { get; private set; } = [];
    public List<Meeting> Meetings { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;
    public List<DocumentView> Documents { get; private set; } = [];

    /// <summary>Per member, when the body keeps an attendance record (empty otherwise).</summary>
    public Dictionary<Guid, MemberAttendance> Attendance { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, int? p, CancellationToken ct)
    {
        if (await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is not { } body)
        {
            return NotFound();
        }
        Body = body;
        var today = DateOnly.FromDateTime(Platform.Localization.Formats.ToSofia(time.GetUtcNow()).DateTime);
        // A body's members are few (tens); the whole history is one list, split by date.
        var members = await db.BodyMembers.AsNoTracking().Where(m => m.BodyId == id).OrderBy(m => m.Role).ThenBy(m => m.PublicName).ThenBy(m => m.Id).Take(1000).ToListAsync(ct);
        Current = members.Where(m => m.IsCurrent(today)).ToList();
        Former = members.Where(m => !m.IsCurrent(today)).OrderByDescending(m => m.To).ToList();
        Pager = new Pager(p, MeetingsPageSize, await db.Meetings.CountAsync(m => m.BodyId == id, ct));
        Meetings = await db.Meetings.AsNoTracking().Where(m => m.BodyId == id).OrderByDescending(m => m.StartsAt).ThenBy(m => m.Id)
            .Skip(Pager.Skip).Take(Pager.Size).ToListAsync(ct);
        Documents = await library.ListAsync(BodyDocumentSubjects.SubjectKind, id, ct);
        var memberIds = members.Select(m => m.Id).ToList();
        var present = await db.MeetingAttendance.AsNoTracking().Where(a => memberIds.Contains(a.MemberId)).GroupBy(a => a.MemberId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        if (present.Count > 0)
        {
            // Held meetings with a record of who was present: the denominator of each member's attendance.
            var recorded = db.MeetingAttendance.Select(a => a.MeetingId);
            var held = (await db.Meetings.AsNoTracking().Where(m => m.BodyId == id && m.Status == MeetingStatus.Held && recorded.Contains(m.Id))
                .Select(m => m.StartsAt).ToListAsync(ct)).Select(s => DateOnly.FromDateTime(Platform.Localization.Formats.ToSofia(s).DateTime)).ToList();
            Attendance = members.ToDictionary(m => m.Id, m => new MemberAttendance(present.GetValueOrDefault(m.Id), held.Count(d => d >= m.From && (m.To is null || d <= m.To))));
        }
        return Page();
    }
}
