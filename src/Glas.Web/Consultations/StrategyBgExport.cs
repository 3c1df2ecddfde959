using Glas.Web.Participation.Comments;
using Glas.Web.Participation.Documents;
using System.Text.Json.Serialization;
using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Consultations;

/// <summary>The keys of strategy.bg's "full" consultation report, so its existing consumers can read Glas.</summary>
public sealed record StrategyBgExport(
    [property: JsonPropertyName("reg_num")] string RegNum,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("consultation_type")] string ConsultationType,
    [property: JsonPropertyName("act_type")] string ActType,
    [property: JsonPropertyName("date_open")] string DateOpen,
    [property: JsonPropertyName("date_close")] string DateClose,
    [property: JsonPropertyName("short_term_reason")] string? ShortTermReason,
    [property: JsonPropertyName("active")] bool Active,
    [property: JsonPropertyName("policy_area")] string PolicyArea,
    [property: JsonPropertyName("responsible_institution")] StrategyBgInstitution ResponsibleInstitution,
    [property: JsonPropertyName("proposal_ways")] string? ProposalWays,
    [property: JsonPropertyName("contacts")] IReadOnlyList<StrategyBgContact> Contacts,
    [property: JsonPropertyName("comments")] IReadOnlyList<StrategyBgComment> Comments,
    [property: JsonPropertyName("files")] IReadOnlyList<StrategyBgFile> Files)
{
    private static readonly Dictionary<ActType, string> ActNames = new()
    {
        [Consultations.ActType.Ordinance] = "Акт на общински съвет",
        [Consultations.ActType.Rules] = "Акт на общински съвет",
        [Consultations.ActType.CouncilDecision] = "Акт на общински съвет",
        [Consultations.ActType.Budget] = "Акт на общински съвет",
        [Consultations.ActType.MayorOrder] = "Акт на кмет на община",
        [Consultations.ActType.Strategy] = "Стратегия",
        [Consultations.ActType.Plan] = "План",
        [Consultations.ActType.Programme] = "Програма",
        [Consultations.ActType.Other] = "Друг",
    };

    private static readonly Dictionary<DocumentType, string> FileTypes = new()
    {
        [DocumentType.Draft] = "проект на акт",
        [DocumentType.Motives] = "мотиви",
        [DocumentType.ImpactAssessment] = "оценка на въздействието",
        [DocumentType.ProposalsReport] = "справка за получените предложения",
        [DocumentType.Consolidated] = "консолидирана версия",
        [DocumentType.Other] = "други",
    };

    public static StrategyBgExport From(Consultation c, Tenant tenant, IEnumerable<CommentView> comments, IEnumerable<DocumentDto> documents, DateTimeOffset now) => new(
        c.RegNumber,
        c.Title,
        c.Summary,
        tenant.Kind == TenantKind.RegionalAdministration ? "Областно" : "Общинско",
        ActNames[c.ActType],
        c.OpensOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        c.ClosesOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        c.ShortTermReason,
        c.AcceptsComments(now),
        c.PolicyArea,
        new StrategyBgInstitution(tenant.Slug, tenant.NameBg, tenant.Address ?? ""),
        c.ProposalWays,
        c.Contacts.OrderBy(p => p.Position).Select(p => new StrategyBgContact(p.Name, p.Email)).ToList(),
        comments.Select(v => new StrategyBgComment(v.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), ReportExport.Author(v), ReportExport.Text(v))).ToList(),
        documents.Select(d => new StrategyBgFile(FileTypes.GetValueOrDefault(Enum.Parse<DocumentType>(d.Type), "други"), d.Versions.Select(v => new StrategyBgVersion(v.UploadedAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), v.Url)).ToList())).ToList());
}

public sealed record StrategyBgInstitution([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("address")] string Address);

public sealed record StrategyBgContact([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("email")] string Email);

public sealed record StrategyBgComment([property: JsonPropertyName("date")] string Date, [property: JsonPropertyName("author_name")] string AuthorName, [property: JsonPropertyName("text")] string Text);

public sealed record StrategyBgFile([property: JsonPropertyName("type")] string Type, [property: JsonPropertyName("versions")] IReadOnlyList<StrategyBgVersion> Versions);

public sealed record StrategyBgVersion([property: JsonPropertyName("date")] string Date, [property: JsonPropertyName("link")] string Link);
