using System.Text.RegularExpressions;
using Glas.Web.Accounts.Manage;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Modules;

[Trait("Category", "Unit")]
public partial class ModuleManifestTests
{
    private static readonly ModuleCatalog Catalog = ModuleCatalog.Discover(typeof(GlasModule).Assembly);

    [Fact]
    public void Modules_are_found_once_each_with_unique_keys_in_their_order()
    {
        var keys = Catalog.All.Select(m => m.Key).ToList();
        keys.ShouldContain("consultations");
        keys.ShouldContain("projects");
        keys.ShouldBeUnique();
        keys.ShouldAllBe(k => KeyPattern().IsMatch(k));
        Catalog.All.Select(m => m.Order).ShouldBeInOrder();
    }

    [Fact]
    public void Navigation_respects_roles()
    {
        Catalog.NavigationFor(false, null).Select(e => e.Path).ShouldContain("/consultations");
        Catalog.StaffLinksFor(true, TenantRole.Participant).ShouldNotContain(e => e.Path == "/consultations/edit");
        Catalog.StaffLinksFor(true, TenantRole.Official).ShouldContain(e => e.Path == "/consultations/edit");
    }

    /// <summary>
    /// Every property in the data model that holds a person's id is exported (and erased) by the
    /// platform or by a declared module; a new table that refers to people cannot be forgotten.
    /// </summary>
    [Fact]
    public void Every_reference_to_a_person_in_the_model_is_covered_by_personal_data()
    {
        using var db = new GlasDbContext(new DbContextOptionsBuilder<GlasDbContext>().UseNpgsql("Host=unused").Options, new Glas.Web.Platform.Tenancy.TenantContext());
        var declared = Catalog.All.SelectMany(m => m.PersonalReferences).Concat(AccountDeletion.PlatformReferences)
            .Select(r => (r.Entity, r.Property)).ToHashSet();
        var references = new List<(Type Entity, string Property)>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.ClrType.Namespace?.StartsWith("Glas.Web", StringComparison.Ordinal) == true && e.ClrType != typeof(GlasUser)))
        {
            var toUsers = entity.GetForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType == typeof(GlasUser)).SelectMany(fk => fk.Properties).Select(p => p.Name);
            var byName = entity.GetProperties().Where(p => (p.ClrType == typeof(Guid) || p.ClrType == typeof(Guid?)) && PersonPattern().IsMatch(p.Name)).Select(p => p.Name);
            references.AddRange(toUsers.Concat(byName).Distinct().Select(p => (entity.ClrType, p)));
        }
        references.ShouldNotBeEmpty();
        references.Where(r => !declared.Contains(r)).Select(r => $"{r.Entity.Name}.{r.Property}").ShouldBeEmpty();
    }

    /// <summary>The platform's shared files name no module: a module is added by its own folder.</summary>
    [Theory]
    [InlineData("src/Glas.Web/Program.cs")]
    [InlineData("src/Glas.Web/Shared/_Layout.cshtml")]
    [InlineData("src/Glas.Web/DemoData/DemoSeeder.cs")]
    [InlineData("src/Glas.Web/Accounts/Manage/PersonalData.cshtml.cs")]
    [InlineData("src/Glas.Web/Home/Index.cshtml")]
    [InlineData("src/Glas.Web/Home/Index.cshtml.cs")]
    [InlineData("src/Glas.Web/Admin/_AdminNav.cshtml")]
    public void Platform_files_name_no_module(string path)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), path));
        text.ShouldNotContain("Consultation", Case.Sensitive);
        text.ShouldNotContain("Project", Case.Sensitive);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Glas.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Glas.slnx) is not above the test binaries.");
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("(UserId|AuthorId|ReporterId|By|ById)$")]
    private static partial Regex PersonPattern();
}

[Trait("Category", "Integration")]
public class ModuleFeedTests(Glas.Web.Tests.TestSupport.GlasFactory app) : IClassFixture<Glas.Web.Tests.TestSupport.GlasFactory>
{
    [Fact]
    public async Task The_combined_feed_holds_every_module_newest_first_with_bulgarian_categories()
    {
        var response = await app.Client().GetAsync("/t/levski/feed.atom");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        var feed = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        var links = entries.Select(e => e.Element(atom + "link")!.Attribute("href")!.Value).ToList();
        links.ShouldContain(l => l.StartsWith("http://localhost:5080/t/levski/consultations/", StringComparison.Ordinal));
        links.ShouldContain(l => l.StartsWith("http://localhost:5080/t/levski/projects/", StringComparison.Ordinal));
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        updated.ShouldBe(updated.OrderByDescending(u => u).ToList());
        entries.SelectMany(e => e.Elements(atom + "category")).Select(c => c.Attribute("label")?.Value).ShouldAllBe(l => !string.IsNullOrEmpty(l) && l.Any(ch => ch >= 'а' && ch <= 'я'));
        (await app.Client().GetAsync("/t/levski/nothing/feed.atom")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }
}
