using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Participation.Documents;

/// <summary>What a document is; each module offers the types that fit its subjects (see <see cref="IDocumentSubjects.Types"/>).</summary>
public enum DocumentType
{
    Draft,              // проект на акт
    Motives,            // мотиви / доклад
    ImpactAssessment,   // оценка на въздействието
    ProposalsReport,    // справка за получените предложения
    Consolidated,       // консолидирана версия
    Report,             // доклад (по проект)
    Analysis,           // анализ
    Strategy,           // стратегия
    CaseStudy,          // казус
    Other,              // други
    BodyRules,          // правила за работа (на орган за участие)
    Agenda,             // дневен ред
    Minutes,            // протокол
    Decision,           // решение
    Materials,          // материали (от събитие)
    Guide,              // наръчник, ръководство
}

/// <summary>
/// A document attached to a subject of any module (a consultation, a project, …), named by the
/// module's short kind and the subject's id; its files are kept as versions.
/// </summary>
public sealed class Document : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }

    /// <summary>The owning module's kind of subject, e.g. "consultation" or "project".</summary>
    public required string SubjectKind { get; set; }

    public Guid SubjectId { get; set; }
    public DocumentType Type { get; set; }
    public required string Title { get; set; }

    /// <summary>"bg" or "en": the language the document is written in.</summary>
    public string Language { get; set; } = DocumentRules.Bulgarian;

    /// <summary>When the document was issued or published (shown with the document; by default its first upload).</summary>
    public DateTimeOffset DocumentDate { get; set; }

    /// <summary>Where the document is published elsewhere (https), for a document kept as a link rather than a file.</summary>
    public string? Url { get; set; }

    public List<DocumentVersion> Versions { get; set; } = [];
}

/// <summary>Every upload is kept; replacing a file adds a dated version.</summary>
public sealed class DocumentVersion
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public required string FileName { get; set; }

    /// <summary>The type the content was checked to be, not what the uploader's browser said.</summary>
    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>Hex SHA-256 of the content; null only for files uploaded before versions were kept for them.</summary>
    public string? Sha256 { get; set; }

    public required string StorageKey { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public Guid? UploadedBy { get; set; }

    /// <summary>What changed in this version, in the uploader's words.</summary>
    public string? Note { get; set; }
}
