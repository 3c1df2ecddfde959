using System.Globalization;
using System.Security.Cryptography;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Events;

/// <summary>
/// A public discussion of Сливен's open ordinance (linked to it), an information meeting in Левски
/// and a training in Русе that is full and has a waiting list. Idempotent by title.
/// </summary>
public static class EventsDemoData
{
    public const string SlivenDiscussion = "Обществено обсъждане на Наредбата за обществения ред";
    public const string LevskiMeeting = "Информационна среща за бюджета на Община Левски";
    public const string RuseTraining = "Обучение: как да участваме в обществени консултации";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var tenants = await db.Tenants.AsNoTracking().ToDictionaryAsync(t => t.Slug, t => t.Id, ct);
        var day = Formats.ToSofia(now).Date;

        async Task<PublicEvent?> Create(string slug, EventKind kind, string title, string description, DateTime localStart, int hours, string? place, string? online,
            int? capacity, string organiser)
        {
            if (!tenants.TryGetValue(slug, out var tenantId) || await db.Events.IgnoreQueryFilters().AnyAsync(e => e.TenantId == tenantId && e.Title == title, ct))
            {
                return null;
            }
            var starts = Formats.FromSofia(localStart);
            var e = new PublicEvent
            {
                Id = Guid.CreateVersion7(now), TenantId = tenantId, Kind = kind, Status = EventStatus.Scheduled, Title = title, Description = description,
                StartsAt = starts, EndsAt = starts.AddHours(hours), Place = place, OnlineUrl = online, Capacity = capacity, Organiser = organiser,
                Accessibility = place is null ? null : "Входът е без стъпала; залата е на първия етаж.", CreatedAt = now, UpdatedAt = now,
            };
            db.Events.Add(e);
            return e;
        }

        var discussion = await Create("sliven", EventKind.PublicDiscussion, SlivenDiscussion,
            "Представяне на проекта на наредба и обсъждане на предложенията на гражданите.", day.AddDays(6).AddHours(18), 2,
            "Сливен, Общински център, зала 1", null, 80, "Община Сливен, дирекция „Правна“");
        if (discussion is not null)
        {
            discussion.ConsultationId = await db.Consultations.IgnoreQueryFilters()
                .Where(c => c.TenantId == discussion.TenantId && c.Title == "Наредба за обществения ред на територията на Община Сливен").Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        }
        await Create("levski", EventKind.InformationMeeting, LevskiMeeting,
            "Кметът и финансовият отдел представят изпълнението на бюджета и отговарят на въпроси.", day.AddDays(10).AddHours(17).AddMinutes(30), 2,
            "Левски, читалище „Васил Левски“", "https://meet.example.org/levski-budget", null, "Община Левски");
        var training = await Create("ruse-oblast", EventKind.Training, RuseTraining,
            "Практическо обучение за граждани и организации: как се подават предложения и как се чете справката по чл. 26 ЗНА.", day.AddDays(12).AddHours(10), 4,
            "Русе, Областна администрация, зала „Русе“", null, 3, "Областна администрация Русе");
        if (training is not null)
        {
            string[] people = ["Анна Илиева", "Борис Колев", "Веселин Нанев", "Галина Пеева", "Даниел Райков"];
            for (var i = 0; i < people.Length; i++)
            {
                db.EventRegistrations.Add(new EventRegistration
                {
                    Id = Guid.CreateVersion7(now), TenantId = training.TenantId, EventId = training.Id, Name = people[i], Email = $"training{i + 1}@example.org",
                    Status = i < 3 ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted, RegisteredAt = now.AddMinutes(-60 + i),
                    Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLower(CultureInfo.InvariantCulture),
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
