using System.Net;
using System.Net.Mail;
using System.Text.Json;
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
}

public sealed record EmailMessage(string To, string Subject, string TextBody);

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

public sealed class SendEmailJob(IOptions<EmailOptions> options, IWebHostEnvironment env) : IJobHandler
{
    public string Kind => EmailOutbox.JobKind;

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        var message = JsonSerializer.Deserialize<EmailMessage>(payload) ?? throw new InvalidOperationException("Empty e-mail payload.");
        var o = options.Value;
        using var mail = new MailMessage(o.From, message.To, message.Subject, message.TextBody)
        {
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.Base64,
        };
        using var client = new SmtpClient();
        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            var dir = Path.IsPathRooted(o.PickupDirectory) ? o.PickupDirectory : Path.Combine(env.ContentRootPath, o.PickupDirectory);
            Directory.CreateDirectory(dir);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = dir;
        }
        else
        {
            client.Host = o.SmtpHost;
            client.Port = o.SmtpPort;
            client.EnableSsl = o.SmtpSsl;
            if (!string.IsNullOrEmpty(o.SmtpUser))
            {
                client.Credentials = new NetworkCredential(o.SmtpUser, o.SmtpPassword);
            }
        }
        await client.SendMailAsync(mail, ct);
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
