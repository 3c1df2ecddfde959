using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Surveys;

/// <summary>Who may answer a survey.</summary>
public enum SurveyAudience
{
    /// <summary>Anyone; one response per browser, rate-limited per address.</summary>
    Public,

    /// <summary>Signed-in participants; one response per account, which may be saved and finished later.</summary>
    Participants,

    /// <summary>Only holders of a single-use link sent by e-mail; responses are anonymous.</summary>
    Invitation,
}

/// <summary>A questionnaire of an administration, optionally attached to another module's subject.</summary>
public sealed class Survey : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Title { get; set; }
    public string? Introduction { get; set; }
    public string? ThankYou { get; set; }
    public SurveyAudience Audience { get; set; }

    /// <summary>Ask every respondent the group they belong to (citizen, NGO, business, staff, other).</summary>
    public bool AskGroup { get; set; }

    /// <summary>Respondents may answer once the survey is launched, from OpensAt until ClosesAt.</summary>
    public bool Launched { get; set; }
    public DateTimeOffset? OpensAt { get; set; }
    public DateTimeOffset? ClosesAt { get; set; }

    /// <summary>Results are public; free text only when <see cref="TextPublished"/> too.</summary>
    public bool ResultsPublished { get; set; }
    public bool TextPublished { get; set; }

    /// <summary>The questionnaire as JSON (<see cref="SurveyDefinition"/>).</summary>
    public string Definition { get; set; } = "{}";

    /// <summary>The subject the survey is the feedback form of, e.g. ("consultation", id); null for a survey of its own.</summary>
    public string? SubjectKind { get; set; }
    public Guid? SubjectId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public SurveyDefinition Questionnaire() => SurveyDefinition.FromJson(Definition);

    public bool IsOpen(DateTimeOffset now) => Launched && (OpensAt is null || now >= OpensAt) && (ClosesAt is null || now < ClosesAt);

    public bool IsClosed(DateTimeOffset now) => Launched && ClosesAt is { } c && now >= c;
}

/// <summary>
/// One response. Submitted responses are whole; a participant's unfinished response has no
/// SubmittedAt. The answers are kept as JSON for exports and free text, and as codes and numbers
/// for counting.
/// </summary>
public sealed class SurveyResponse : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid SurveyId { get; set; }

    /// <summary>The participant who answers (participants' surveys only), so they answer once.</summary>
    public Guid? UserId { get; set; }

    /// <summary>A hash of the browser's survey cookie (public surveys only), so one browser answers once.</summary>
    public string? BrowserKey { get; set; }

    public string? Group { get; set; }
    public string Answers { get; set; } = "{}";
    public int[] Codes { get; set; } = [];

    /// <summary>Number answers as pairs: question number, value.</summary>
    public double[] Numbers { get; set; } = [];

    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>Free-text answers of this response hidden by a moderator.</summary>
    public bool TextHidden { get; set; }
}

/// <summary>
/// A single-use invitation. The address is kept only until the link is used; then nothing links
/// the invitation to the response.
/// </summary>
public sealed class SurveyInvitation : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid SurveyId { get; set; }
    public string? Email { get; set; }
    public required string TokenHash { get; set; }
    public bool Used { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a reminder (with a new link) was last sent.</summary>
    public DateTimeOffset? RemindedAt { get; set; }
}
