using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace Glas.Web.Platform.Email;

public sealed class EmailOptions
{
    public string From { get; set; } = "Glas <no-reply@glas.localhost>";

    /// <summary>Where .eml files go when no SMTP host is set. Relative paths are under the content root.</summary>
    public string PickupDirectory { get; set; } = "mail-pickup";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public bool SmtpSsl { get; set; } = true;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>
    /// Most queued e-mails sent together: over one SMTP connection, or in one pass over the pickup
    /// folder. Each is recorded as sent the moment it is, so a restart repeats none of those.
    /// </summary>
    public int BatchSize { get; set; } = 200;
}

/// <summary>
/// One plain-text e-mail. <paramref name="ListUnsubscribe"/>, when set, is the one-click unsubscribe
/// address sent as the RFC 8058 headers (List-Unsubscribe and List-Unsubscribe-Post).
/// <paramref name="Attachments"/>, when any, are sent after the text (e.g. an event's .ics file).
/// </summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? ListUnsubscribe = null, IReadOnlyList<EmailAttachment>? Attachments = null);

/// <summary>A small file sent with an e-mail: its name, MIME type and content.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Queues e-mail as a background job in the caller's unit of work.</summary>
public sealed class EmailOutbox(GlasDbContext db, JobSignal signal, TimeProvider time)
{
    public const string JobKind = "email.send";

    public void Queue(EmailMessage message) => db.EnqueueJob(JobKind, message, time.GetUtcNow());

    /// <summary>Queues and saves at once, for flows with nothing else to save.</summary>
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        Queue(message);
        await db.SaveChangesAsync(ct);
        signal.Notify();
    }
}

/// <summary>
/// Sends through SMTP (MailKit) when a host is set; otherwise writes .eml files into the pickup
/// folder. The runner hands it the due e-mails in batches (<see cref="EmailOptions.BatchSize"/>),
/// sent over one connection; an e-mail's Message-ID and pickup file name come from its job, so one
/// that is sent again after a crash can be recognised as the same.
/// </summary>
public sealed class SendEmailJob(IOptions<EmailOptions> options, IWebHostEnvironment env, TimeProvider time) : IBatchJobHandler
{
    public string Kind => EmailOutbox.JobKind;

    public int BatchSize => Math.Max(1, options.Value.BatchSize);

    public async Task RunBatchAsync(IReadOnlyList<Job> jobs, Func<Job, Exception?, Task> finished, CancellationToken ct)
    {
        var o = options.Value;
        var pickup = string.IsNullOrWhiteSpace(o.SmtpHost) ? (Path.IsPathRooted(o.PickupDirectory) ? o.PickupDirectory : Path.Combine(env.ContentRootPath, o.PickupDirectory)) : null;
        using var client = pickup is null ? new SmtpClient() : null;
        try
        {
            foreach (var job in jobs)
            {
                ct.ThrowIfCancellationRequested();
                MimeMessage mime;
                try
                {
                    var message = JsonSerializer.Deserialize<EmailMessage>(job.Payload) ?? throw new InvalidOperationException("Empty e-mail payload.");
                    mime = Compose(message, o.From, time.GetUtcNow());
                    mime.MessageId = $"glas-{job.Id}-{job.CreatedAt.ToUnixTimeMilliseconds()}@{mime.From.Mailboxes.First().Domain}";
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ParseException)
                {
                    // A message that cannot be written fails alone.
                    await finished(job, ex);
                    continue;
                }
                using (mime)
                {
                    if (pickup is not null)
                    {
                        await WritePickupAsync(mime, pickup, $"glas-{job.Id}", ct);
                    }
                    else
                    {
                        if (!client!.IsConnected)
                        {
                            await ConnectAsync(client, o, ct);
                        }
                        try
                        {
                            await client.SendAsync(mime, ct);
                        }
                        catch (SmtpCommandException ex) when (ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted or SmtpErrorCode.MessageNotAccepted)
                        {
                            // The server refused this message, not the connection: the others go on.
                            await finished(job, ex);
                            continue;
                        }
                    }
                }
                await finished(job, null);
            }
        }
        finally
        {
            if (client is { IsConnected: true })
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
    }

    private static async Task ConnectAsync(SmtpClient client, EmailOptions o, CancellationToken ct)
    {
        var security = o.SmtpSsl ? (o.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls) : SecureSocketOptions.None;
        await client.ConnectAsync(o.SmtpHost ?? throw new InvalidOperationException("No SMTP host is set."), o.SmtpPort, security, ct);
        if (!string.IsNullOrEmpty(o.SmtpUser))
        {
            await client.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", ct);
        }
    }

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        var message = JsonSerializer.Deserialize<EmailMessage>(payload) ?? throw new InvalidOperationException("Empty e-mail payload.");
        var o = options.Value;
        using var mime = Compose(message, o.From, time.GetUtcNow());
        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            await WritePickupAsync(mime, Path.IsPathRooted(o.PickupDirectory) ? o.PickupDirectory : Path.Combine(env.ContentRootPath, o.PickupDirectory), Guid.NewGuid().ToString("N"), ct);
            return;
        }
        using var client = new SmtpClient();
        await ConnectAsync(client, o, ct);
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    /// <summary>The MIME message: UTF-8 text in base64, and the RFC 8058 headers when the message has an unsubscribe address.</summary>
    public static MimeMessage Compose(EmailMessage message, string from, DateTimeOffset now)
    {
        var mime = new MimeMessage { Subject = message.Subject, Date = now };
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(mime.From.Mailboxes.First().Domain);
        if (message.ListUnsubscribe is { } unsubscribe)
        {
            mime.Headers.Add(HeaderId.ListUnsubscribe, "<" + unsubscribe + ">");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var text = new TextPart(MimeKit.Text.TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.Base64 };
        text.SetText(System.Text.Encoding.UTF8, message.TextBody);
        if (message.Attachments is not { Count: > 0 } attachments)
        {
            mime.Body = text;
            return mime;
        }
        var mixed = new Multipart("mixed") { text };
        foreach (var a in attachments)
        {
            mixed.Add(new MimePart(ContentType.Parse(a.ContentType))
            {
                Content = new MimeContent(new MemoryStream(a.Content)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = a.FileName,
            });
        }
        mime.Body = mixed;
        return mime;
    }

    /// <summary>Writes to a temporary name first, so a reader of the folder never sees half a message.</summary>
    private static async Task WritePickupAsync(MimeMessage mime, string dir, string name, CancellationToken ct)
    {
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, name + ".tmp");
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        await using (var stream = File.Create(temp))
        {
            await mime.WriteToAsync(format, stream, ct);
        }
        File.Move(temp, Path.Combine(dir, name + ".eml"), overwrite: true);
    }
}

public static class EmailExtensions
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection("Glas:Email"));
        services.AddScoped<EmailOutbox>();
        services.AddSingleton<IJobHandler, SendEmailJob>();
        return services;
    }
}
