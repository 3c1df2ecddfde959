using Glas.Web.Platform.Localization;

namespace Glas.Web.Participation.Notifications;

/// <summary>A notice not yet e-mailed to someone who takes a daily digest.</summary>
public sealed record DigestItem(Guid UserId, string Email, Guid TenantId, string SubjectKind, Guid SubjectId, string Kind, string Title, string Path, DateTimeOffset CreatedAt);

/// <summary>Everything about one followed item in a digest, oldest first.</summary>
public sealed record DigestSubject(Guid TenantId, string SubjectKind, Guid SubjectId, string Title, IReadOnlyList<DigestItem> Items);

/// <summary>One digest e-mail: one per person, the items they follow in order of their first notice.</summary>
public sealed record DigestMail(Guid UserId, string Email, IReadOnlyList<DigestSubject> Subjects);

/// <summary>When digests go out and what each contains; no database or HTTP here.</summary>
public static class DigestRules
{
    /// <summary>The hour, in Bulgaria, at which the daily digest is sent.</summary>
    public const int Hour = 8;

    /// <summary>Older unsent notices are not e-mailed (e.g. from while the person chose no e-mail); the page still shows them.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(2);

    /// <summary>The next 08:00 in Sofia strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextDigestAt(DateTimeOffset now)
    {
        var local = Formats.ToSofia(now);
        var today = new DateTime(local.Year, local.Month, local.Day, Hour, 0, 0, DateTimeKind.Unspecified);
        var at = Formats.FromSofia(today);
        return at > now ? at : Formats.FromSofia(today.AddDays(1));
    }

    /// <summary>Groups notices into one e-mail per person, one section per item (its latest title), notices oldest first.</summary>
    public static IReadOnlyList<DigestMail> Group(IEnumerable<DigestItem> items) =>
        items
            .GroupBy(i => i.UserId)
            .Select(person => new DigestMail(
                person.Key,
                person.OrderByDescending(i => i.CreatedAt).First().Email,
                person
                    .GroupBy(i => (i.TenantId, i.SubjectKind, i.SubjectId))
                    .Select(s =>
                    {
                        var ordered = s.OrderBy(i => i.CreatedAt).ThenBy(i => i.Kind, StringComparer.Ordinal).ToList();
                        return new DigestSubject(s.Key.TenantId, s.Key.SubjectKind, s.Key.SubjectId, ordered[^1].Title, ordered);
                    })
                    .OrderBy(s => s.Items[0].CreatedAt).ThenBy(s => s.Title, StringComparer.Ordinal)
                    .ToList()))
            .OrderBy(m => m.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
}
