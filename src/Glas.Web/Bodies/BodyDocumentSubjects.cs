using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Bodies;

/// <summary>A body's rules and founding act: public; the administration's Officials add them and their new versions.</summary>
public sealed class BodyDocumentSubjects(GlasDbContext db, TenantRoles roles) : OfficialDocumentSubjects(roles)
{
    public const string SubjectKind = "body";

    public static readonly IReadOnlyList<DocumentType> DocumentTypes = [DocumentType.BodyRules, DocumentType.Decision, DocumentType.Report, DocumentType.Other];

    public override string Kind => SubjectKind;

    public override IReadOnlyList<DocumentType> Types => DocumentTypes;

    protected override Task<bool> ExistsAsync(Guid subjectId, CancellationToken ct) => db.Bodies.AnyAsync(b => b.Id == subjectId, ct);
}

/// <summary>A meeting's agenda, materials, minutes and decisions: public; Officials add them.</summary>
public sealed class MeetingDocumentSubjects(GlasDbContext db, TenantRoles roles) : OfficialDocumentSubjects(roles)
{
    public const string SubjectKind = "meeting";

    public static readonly IReadOnlyList<DocumentType> DocumentTypes = [DocumentType.Agenda, DocumentType.Minutes, DocumentType.Decision, DocumentType.Materials, DocumentType.Other];

    public override string Kind => SubjectKind;

    public override IReadOnlyList<DocumentType> Types => DocumentTypes;

    protected override Task<bool> ExistsAsync(Guid subjectId, CancellationToken ct) => db.Meetings.AnyAsync(m => m.Id == subjectId, ct);
}

/// <summary>An agenda item's materials (the draft decision, reports, opinions): public; Officials add them.</summary>
public sealed class AgendaItemDocumentSubjects(GlasDbContext db, TenantRoles roles) : OfficialDocumentSubjects(roles)
{
    public const string SubjectKind = "agenda-item";

    public static readonly IReadOnlyList<DocumentType> DocumentTypes = [DocumentType.Materials, DocumentType.Draft, DocumentType.Report, DocumentType.Decision, DocumentType.Other];

    public override string Kind => SubjectKind;

    public override IReadOnlyList<DocumentType> Types => DocumentTypes;

    protected override Task<bool> ExistsAsync(Guid subjectId, CancellationToken ct) => db.AgendaItems.AnyAsync(a => a.Id == subjectId, ct);
}
