using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.DemoData;

/// <summary>
/// The administrations of the seed projects and a demo account for each role. Idempotent: what
/// exists is left as it is. Runs only when Glas:SeedDemoData is true (the run command sets it).
/// </summary>
public static class DemoSeeder
{
    public const string Password = "Glas-demo-2026";
    public const string DefaultSlug = "sliven";

    public static readonly (string Slug, string NameBg, string NameEn, TenantKind Kind, string[] Members)[] Tenants =
    [
        ("sliven", "Община Сливен", "Sliven Municipality", TenantKind.Municipality, []),
        ("levski", "Община Левски", "Levski Municipality", TenantKind.Municipality, []),
        ("haskovo", "Община Хасково", "Haskovo Municipality", TenantKind.Municipality, []),
        ("ruse-oblast", "Областна администрация Русе", "Ruse Regional Administration", TenantKind.RegionalAdministration, []),
        ("yugoiztochen", "Сдружение на общините от Югоизточен регион", "Association of the Municipalities of the South-East Region",
            TenantKind.Association, ["Бургас", "Сливен", "Стара Загора", "Ямбол"]),
    ];

    private static readonly Dictionary<string, string> DemoAddresses = new()
    {
        ["sliven"] = "бул. „Цар Освободител“ № 1, 8800 Сливен",
        ["levski"] = "ул. „България“ № 58, 5900 Левски",
        ["haskovo"] = "пл. „Общински“ № 9, 6300 Хасково",
        ["ruse-oblast"] = "пл. „Свобода“ № 6, 7000 Русе",
    };

    /// <summary>Demo accounts: e-mail, display name, kind, tenant slug, role.</summary>
    public static IEnumerable<(string Email, string DisplayName, AccountKind Kind, string Slug, TenantRole Role)> Users()
    {
        yield return ("citizen@example.org", "Мария Гражданка", AccountKind.Citizen, DefaultSlug, TenantRole.Participant);
        yield return ("ngo@example.org", "Сдружение „Демо“", AccountKind.Organisation, DefaultSlug, TenantRole.Participant);
        // Administers every administration when named in Glas:InstallationAdministrators (as `./glas run` does).
        yield return ("operator@example.org", "Оператор на инсталацията", AccountKind.Staff, DefaultSlug, TenantRole.Participant);
        foreach (var (slug, _, _, _, _) in Tenants)
        {
            yield return ($"moderator.{slug}@example.org", $"Модератор ({slug})", AccountKind.Staff, slug, TenantRole.Moderator);
            yield return ($"official.{slug}@example.org", $"Служител ({slug})", AccountKind.Staff, slug, TenantRole.Official);
            yield return ($"admin.{slug}@example.org", $"Администратор ({slug})", AccountKind.Staff, slug, TenantRole.Administrator);
        }
    }

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<GlasUser>>();

        var existing = await db.Tenants.Select(t => t.Slug).ToListAsync(ct);
        foreach (var (slug, bg, en, kind, members) in Tenants.Where(t => !existing.Contains(t.Slug)))
        {
            db.Tenants.Add(new Tenant
            {
                Id = Guid.CreateVersion7(now),
                Slug = slug,
                NameBg = bg,
                NameEn = en,
                Kind = kind,
                Members = [.. members],
                // Demo contacts: the town and postal code, and an address under example.org.
                ContactEmail = $"glas@{slug}.example.org",
                Address = DemoAddresses.GetValueOrDefault(slug),
                Hosts = [new TenantHost { Name = $"{slug}.localhost" }],
                IsDefault = slug == DefaultSlug && !await db.Tenants.AnyAsync(t => t.IsDefault, ct),
                CreatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);

        var tenantIds = await db.Tenants.ToDictionaryAsync(t => t.Slug, t => t.Id, ct);
        var emails = await db.Users.Select(u => u.NormalizedEmail).ToListAsync(ct);
        string? hash = null;
        foreach (var (email, name, kind, slug, role) in Users().Where(u => !emails.Contains(u.Email.ToUpperInvariant())))
        {
            var user = new GlasUser
            {
                Id = Guid.CreateVersion7(now),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = name,
                Kind = kind,
                OrganisationName = kind == AccountKind.Organisation ? name : null,
                OrganisationType = kind == AccountKind.Organisation ? OrganisationType.Ngo : null,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true,
                CreatedAt = now,
            };
            // One hash serves every demo account: they share the documented password.
            user.PasswordHash = hash ??= hasher.HashPassword(user, Password);
            db.Users.Add(user);
            db.Memberships.Add(new Membership
            {
                Id = Guid.CreateVersion7(now),
                TenantId = tenantIds[slug],
                UserId = user.Id,
                Role = role,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);

        foreach (var module in services.GetRequiredService<Platform.Modules.ModuleCatalog>().All)
        {
            await module.SeedDemoAsync(services, ct);
        }
    }
}
