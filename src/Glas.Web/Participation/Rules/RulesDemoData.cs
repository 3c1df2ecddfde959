using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Participation.Rules;

/// <summary>
/// Левски's platform rules (seed 002 promises „правила и процедури за работа с онлайн платформата“):
/// version 1 in force for half a year, accepted by the demo accounts, and version 2 that takes effect
/// in a month, which each participant will accept before their next contribution. Idempotent.
/// </summary>
public static class RulesDemoData
{
    public const string Slug = "levski";

    public const string Participation = """
        Всеки може да чете публикуваното без регистрация. За коментар, предложение, сигнал или анкета е нужна регистрация с потвърден имейл.
        Публично се показва само публичното ви име; имейлът ви не се публикува.
        Община Левски отговаря на всяко предложение в обществените консултации със справка (чл. 26 ЗНА) и на всеки сигнал в срока по АПК.
        """;

    public const string Conduct = """
        Пишете по темата, с уважение към другите участници и към служителите.
        Не публикувайте обиди, заплахи, език на омразата, реклама или чужди лични данни.
        Не се представяйте за друг човек или организация.
        """;

    public const string Moderation = """
        Всеки участник може да сигнализира за коментар, който нарушава правилата, с посочена причина.
        Модераторът може да скрие такъв коментар с посочена причина; скритото остава в записа и в броя на коментарите.
        Броят на скритите коментари по месеци и по причини се публикува.
        """;

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        if (await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == Slug, ct) is not { } tenant
            || await db.RulesVersions.IgnoreQueryFilters().AnyAsync(v => v.TenantId == tenant.Id, ct))
        {
            return;
        }
        db.RulesVersions.Add(new RulesVersion
        {
            Id = Guid.CreateVersion7(now), TenantId = tenant.Id, Version = 1, EffectiveFrom = now.AddMonths(-6), CreatedAt = now.AddMonths(-6),
            Participation = Participation, Conduct = Conduct, Moderation = Moderation, Changes = "Първа версия на правилата.",
        });
        db.RulesVersions.Add(new RulesVersion
        {
            Id = Guid.CreateVersion7(now), TenantId = tenant.Id, Version = 2, EffectiveFrom = now.AddMonths(1), CreatedAt = now,
            Participation = Participation + "Анкетите на общината се попълват веднъж от профил; отговорите се публикуват само обобщено.\n",
            Conduct = Conduct, Moderation = Moderation + "Решението на модератора може да се обжалва с писмо до общината в 14-дневен срок.\n",
            Changes = "Добавени са правило за анкетите и възможност за обжалване на решение на модератор.",
        });
        // The demo accounts accepted version 1 when they registered.
        foreach (var user in await db.Users.AsNoTracking().Select(u => u.Id).ToListAsync(ct))
        {
            db.RulesAcceptances.Add(new RulesAcceptance { TenantId = tenant.Id, UserId = user, Version = 1, AcceptedAt = now.AddMonths(-6) });
        }
        await db.SaveChangesAsync(ct);
    }
}
