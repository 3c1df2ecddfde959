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

    private static readonly System.Resources.ResourceManager Texts = new("Glas.Web.Resources.Consultations.ConsultationsText", typeof(ConsultationsText).Assembly);

    private static readonly System.Globalization.CultureInfo Bg = System.Globalization.CultureInfo.GetCultureInfo("bg-BG");

    /// <summary>The Bulgarian name of a policy area, as the pages show it.</summary>
    public static string PolicyAreaName(string key) => Texts.GetString("Area." + key, Bg) ?? key;

    /// <summary>A moment as ISO 8601 in Bulgaria's time zone, with its offset.</summary>
    public static string Moment(DateTimeOffset at) =>
        Platform.Localization.Formats.ToSofia(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The export; <paramref name="report"/> is the published справка (its publication time and the
    /// address of its .docx), listed as a file of type "справка за получените предложения".
    /// </summary>
    public static StrategyBgExport From(Consultation c, Tenant tenant, IEnumerable<CommentView> comments, IEnumerable<DocumentDto> documents, DateTimeOffset now,
        (DateTimeOffset PublishedAt, string Url)? report = null)
    {
        var files = documents.Select(d => new StrategyBgFile(FileTypes.GetValueOrDefault(Enum.Parse<DocumentType>(d.Type), "други"),
            d.Versions.Select(v => new StrategyBgVersion(Moment(v.UploadedAt), v.Url)).ToList())).ToList();
        if (report is { } r)
        {
            files.Add(new StrategyBgFile(FileTypes[DocumentType.ProposalsReport], [new StrategyBgVersion(Moment(r.PublishedAt), r.Url)]));
        }
        return new(
            c.RegNumber,
            c.Title,
            c.Summary,
            tenant.Kind == TenantKind.RegionalAdministration ? "Областно" : "Общинско",
            ActNames[c.ActType],
            c.OpensOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            c.ClosesOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            c.ShortTermReason,
            c.AcceptsComments(now),
            PolicyAreaName(c.PolicyArea),
            new StrategyBgInstitution(tenant.Id.ToString(), tenant.NameBg, tenant.Address ?? ""),
            c.ProposalWays,
            c.Contacts.OrderBy(p => p.Position).Select(p => new StrategyBgContact(p.Name, p.Email)).ToList(),
            comments.Select(v => new StrategyBgComment(Moment(v.CreatedAt), ReportExport.Author(v), ReportExport.Text(v))).ToList(),
            files);
    }
}

public sealed record StrategyBgInstitution([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("address")] string Address);

public sealed record StrategyBgContact([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("email")] string Email);

public sealed record StrategyBgComment([property: JsonPropertyName("date")] string Date, [property: JsonPropertyName("author_name")] string AuthorName, [property: JsonPropertyName("text")] string Text);

public sealed record StrategyBgFile([property: JsonPropertyName("type")] string Type, [property: JsonPropertyName("versions")] IReadOnlyList<StrategyBgVersion> Versions);

public sealed record StrategyBgVersion([property: JsonPropertyName("date")] string Date, [property: JsonPropertyName("link")] string Link);
