using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Files;
using Glas.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Library;

/// <summary>
/// The publications of seed 001 in Югоизточен регион: its three reports („Първи доклад“, „Втори
/// доклад“, „Трети доклад“, 11.06.2020), the strategy and the case study (04.06.2021), each with its
/// document as the seed lists it (title and date; the seed has no files). Idempotent by title.
/// </summary>
public static class LibraryDemoData
{
    public const string Author = "Сдружение на Общините от Югоизточен регион";

    private const string Project = "проект „Прилагане на модели и политики за насърчаване на гражданското участие за отговорно, споделено и динамично управление на местно ниво“, финансиран от Оперативна програма \"Добро управление\" 2014 - 2020 г.";

    private static readonly (string Title, LibraryType Type, DocumentType DocumentType, DateTime Local, string Description)[] Entries =
    [
        ("Първи доклад", LibraryType.Report, DocumentType.Report, new DateTime(2020, 6, 11, 16, 19, 0), "Доклад по " + Project),
        ("Втори доклад", LibraryType.Report, DocumentType.Report, new DateTime(2020, 6, 11, 16, 19, 0), "Доклад по " + Project),
        ("Трети доклад", LibraryType.Report, DocumentType.Report, new DateTime(2020, 6, 11, 16, 20, 0), "Доклад по " + Project),
        ("Стратегия за включване на гражданите в процеса на вземане на решения на местно ниво", LibraryType.Strategy, DocumentType.Strategy, new DateTime(2021, 6, 4, 9, 16, 0),
            "Стратегия, изготвена по " + Project),
        ("Казус", LibraryType.CaseStudy, DocumentType.CaseStudy, new DateTime(2021, 6, 4, 9, 16, 0), "Казус по " + Project),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<FileStore>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        if (await db.Tenants.AsNoTracking().Where(t => t.Slug == "yugoiztochen").Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct) is not { } tenant)
        {
            return;
        }
        var existing = (await db.LibraryEntries.IgnoreQueryFilters().Where(e => e.TenantId == tenant).Select(e => e.Title).ToListAsync(ct)).ToHashSet();
        var n = 0;
        foreach (var (title, type, documentType, local, description) in Entries)
        {
            n++;
            if (existing.Contains(title))
            {
                continue;
            }
            var entry = new LibraryEntry
            {
                Id = Guid.CreateVersion7(now.AddMilliseconds(n)), TenantId = tenant, Type = type, Title = title, Description = description, Date = DateOnly.FromDateTime(local),
                Topic = "participation", AuthorOrganisation = Author, CreatedAt = now, UpdatedAt = now,
            };
            db.LibraryEntries.Add(entry);
            await DocumentLibrary.AddTrustedAsync(db, files, tenant, LibraryDocumentSubjects.SubjectKind, entry.Id, documentType, title, Formats.FromSofia(local), null, ct,
                Guid.CreateVersion7(now.AddMilliseconds(n)));
        }
        await db.SaveChangesAsync(ct);
    }
}
