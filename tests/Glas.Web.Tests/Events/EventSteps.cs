using System.Net;
using Glas.Web.Events;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Shouldly;

namespace Glas.Web.Tests.Events;

/// <summary>Shared steps of the events' tests: events made directly in an administration, forms posted, e-mails read with MimeKit.</summary>
public static class EventSteps
{
    public static async Task<HttpClient> As(this GlasFactory app, string? email, string prefix = "")
    {
        var client = app.Client(followRedirects: false);
        if (email is not null)
        {
            await client.SignInAsync(email, prefix: prefix);
        }
        return client;
    }

    public static Task<Guid> CreateEventAsync(this GlasFactory app, string slug, string title, int? capacity = null, TimeSpan? startsIn = null,
        DateTimeOffset? closes = null, EventStatus status = EventStatus.Scheduled) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var starts = now + (startsIn ?? TimeSpan.FromDays(5));
            var e = new PublicEvent
            {
                Id = Guid.CreateVersion7(), TenantId = db.CurrentTenantId!.Value, Kind = EventKind.Training, Status = status, Title = title, Description = "Описание на събитието.",
                StartsAt = starts, EndsAt = starts.AddHours(2), Place = "Зала 1", Capacity = capacity, RegistrationClosesAt = closes, Organiser = "Общината",
                CreatedAt = now, UpdatedAt = now,
            };
            db.Events.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        }, slug);

    public static Task<List<EventRegistration>> RegistrationsAsync(this GlasFactory app, string slug, Guid eventId) =>
        app.WithDbAsync(db => db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.RegisteredAt).ToListAsync(), slug);

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, string action, IDictionary<string, string> fields)
    {
        var token = Forms.Token(await client.GetPageAsync(page));
        return await client.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>Waits for the runner to write e-mails to <paramref name="to"/> whose subject contains <paramref name="subject"/>.</summary>
    public static async Task<MimeMessage> WaitForMessageAsync(this GlasFactory app, string to, string subject, int count = 1)
    {
        for (var i = 0; i < 100; i++)
        {
            var found = Directory.GetFiles(app.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f))
                .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase)) && (m.Subject ?? "").Contains(subject, StringComparison.Ordinal))
                .ToList();
            if (found.Count >= count)
            {
                return found[count - 1];
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No e-mail to {to} about {subject} within 10 s.");
    }

    public static string? IcsOf(MimeMessage message) =>
        message.Attachments.OfType<MimePart>().Where(p => p.FileName == "event.ics").Select(p =>
        {
            using var stream = new MemoryStream();
            p.Content!.DecodeTo(stream);
            return System.Text.Encoding.UTF8.GetString(stream.ToArray());
        }).FirstOrDefault();

    public static void ShouldRedirectTo(this HttpResponseMessage response, string contains)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain(contains);
    }
}
