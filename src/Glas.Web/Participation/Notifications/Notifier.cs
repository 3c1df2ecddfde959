using System.Text.Json;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Jobs;

namespace Glas.Web.Participation.Notifications;

/// <summary>The e-mail text a module writes itself for a notice (in Bulgarian with the English below); the unsubscribe lines are added.</summary>
public sealed record NotificationMail(string Subject, string Body);

/// <summary>A notice about an item, as a module raised it; fanned out to the followers by a background job.</summary>
public sealed record NotificationEvent(
    string SubjectKind, Guid SubjectId, Guid TenantId, string Kind, string Title, string Path, DateTimeOffset At, Guid? ActorId, NotificationMail? Mail);

/// <summary>
/// What modules call when something happens to an item people follow: every follower gets a notice
/// in the app and, by their choice, an e-mail at once, in the daily digest, or none. The notice is
/// queued in the caller's unit of work (it happens only if the change is saved) and written for the
/// followers by a background job, so a popular item does not slow the request down.
/// </summary>
public sealed class Notifier(GlasDbContext db, JobSignal signal, TimeProvider time)
{
    public const string JobKind = "notifications.fanout";

    /// <summary>
    /// Queues a notice about <paramref name="subject"/>; the caller saves. <paramref name="kind"/> is
    /// "{module}.{event}" (e.g. "project.status"; its text is NotificationsText "Kind.{kind}"),
    /// <paramref name="title"/> the item's title, <paramref name="path"/> its page under the
    /// administration. The person who made the change (<paramref name="actorId"/>) is not notified.
    /// </summary>
    public void Queue(FollowSubject subject, string kind, string title, string path, Guid? actorId = null, NotificationMail? mail = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var now = time.GetUtcNow();
        title = title.Length > 500 ? title[..499] + "…" : title;
        db.EnqueueJob(JobKind, new NotificationEvent(subject.Kind, subject.Id, subject.TenantId, kind, title, path, now, actorId, mail), now);
        signal.Notify();
    }

    /// <summary>Queues a notice and saves at once, for callers with nothing else to save (e.g. a document added elsewhere).</summary>
    public async Task NotifyAsync(FollowSubject subject, string kind, string title, string path, Guid? actorId = null, CancellationToken ct = default)
    {
        Queue(subject, kind, title, path, actorId);
        await db.SaveChangesAsync(ct);
        signal.Notify();
    }

    internal static NotificationEvent Read(string payload) =>
        JsonSerializer.Deserialize<NotificationEvent>(payload) ?? throw new InvalidOperationException("Empty notification payload.");
}
