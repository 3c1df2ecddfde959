using System.Globalization;
using System.Security.Cryptography;
using Glas.Web.Events;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.ParticipationIndex;

/// <summary>
/// The demo administrations' populations (illustrative, rounded) and two past public meetings in
/// each, with attendance, so every demo administration's index has values for more than one period
/// however its other demo data falls in time. Idempotent by title.
/// </summary>
public static class IndexDemoData
{
    public const string MeetingTitle = "Среща с граждани: как работи гражданското участие";

    /// <summary>Illustrative round figures, not official statistics.</summary>
    public static readonly IReadOnlyDictionary<string, int> Populations = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["sliven"] = 115_000,
        ["levski"] = 17_000,
        ["haskovo"] = 85_000,
        ["ruse-oblast"] = 200_000,
        ["yugoiztochen"] = 535_000,
    };

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var day = Formats.ToSofia(now).Date;
        var tenants = await db.Tenants.Where(t => Populations.Keys.Contains(t.Slug)).ToListAsync(ct);
        foreach (var tenant in tenants)
        {
            tenant.Population ??= Populations[tenant.Slug];
            var (months, attendees) = (new[] { 2, 5 }, new[] { 24, 17 });
            for (var i = 0; i < months.Length; i++)
            {
                var title = MeetingTitle + (i == 0 ? "" : " (" + (i + 1).ToString(CultureInfo.InvariantCulture) + ")");
                if (await db.Events.IgnoreQueryFilters().AnyAsync(e => e.TenantId == tenant.Id && e.Title == title, ct))
                {
                    continue;
                }
                var starts = Formats.FromSofia(day.AddMonths(-months[i]).AddHours(17));
                var meeting = new PublicEvent
                {
                    Id = Guid.CreateVersion7(now), TenantId = tenant.Id, Kind = EventKind.InformationMeeting, Status = EventStatus.Scheduled, Title = title,
                    Description = "Представяне на начините за участие: обществени консултации, сигнали, анкети и наблюдение на политиките.",
                    StartsAt = starts, EndsAt = starts.AddHours(2), Place = tenant.NameBg + ", заседателна зала", Capacity = 40, Organiser = tenant.NameBg,
                    Accessibility = "Входът е без стъпала; залата е на първия етаж.", CreatedAt = starts.AddDays(-14), UpdatedAt = starts,
                };
                db.Events.Add(meeting);
                for (var n = 1; n <= attendees[i]; n++)
                {
                    db.EventRegistrations.Add(new EventRegistration
                    {
                        Id = Guid.CreateVersion7(now), TenantId = tenant.Id, EventId = meeting.Id,
                        Name = "Участник " + n.ToString(CultureInfo.InvariantCulture),
                        Email = string.Create(CultureInfo.InvariantCulture, $"{tenant.Slug}-meeting{i + 1}-{n}@example.org"),
                        Status = RegistrationStatus.Confirmed, RegisteredAt = starts.AddDays(-7).AddMinutes(n), Attended = n % 6 != 0,
                        Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLower(CultureInfo.InvariantCulture),
                    });
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
