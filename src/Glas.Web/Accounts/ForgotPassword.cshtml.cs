using Glas.Web.Platform.Database;
using Glas.Web.Platform.Email;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Accounts;

/// <summary>Sends a reset link to a confirmed account; answers the same whether or not the address is known.</summary>
[EnableRateLimiting(Policies.AuthRateLimit)]
public sealed class ForgotPasswordModel(UserManager<GlasUser> users, GlasDbContext db, EmailOutbox outbox, JobSignal signal, IStringLocalizer<SharedResource> l)
    : MailLinkPageModel(users, db, outbox, signal, l)
{
    protected override bool Receives(GlasUser user) => user is { IsDeleted: false, EmailConfirmed: true };

    protected override Task QueueAsync(UserManager<GlasUser> users, EmailOutbox outbox, IStringLocalizer l, GlasUser user) =>
        AccountMail.QueueResetAsync(users, outbox, Request, l, user);
}
