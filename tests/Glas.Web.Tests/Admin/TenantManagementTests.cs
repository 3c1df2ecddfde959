using System.Net;
using System.Net.Http.Json;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Admin;

[Trait("Category", "Integration")]
public class TenantManagementTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private static Dictionary<string, string> Form(string slug, string hosts = "", string kind = "Municipality", string members = "", string population = "") => new()
    {
        ["Input.Slug"] = slug,
        ["Input.NameBg"] = "Община Тестово",
        ["Input.NameEn"] = "Testovo Municipality",
        ["Input.Kind"] = kind,
        ["Input.Hosts"] = hosts,
        ["Input.Population"] = population,
        ["Input.Members"] = members,
    };

    [Theory]
    [InlineData("admin.sliven@example.org")]
    [InlineData("citizen@example.org")]
    public async Task Only_an_installation_administrator_reaches_the_tenants(string email)
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync(email);
        foreach (var url in new[] { "/admin/tenants", "/admin/tenants/edit", "/admin/tenants/edit/levski" })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                response.Headers.Location!.ToString().ShouldContain("access-denied");
            }
        }
        var post = await client.PostAsync("/admin/tenants/edit", new FormUrlEncodedContent(Form("intruder")));
        if (post.StatusCode == HttpStatusCode.Redirect)
        {
            post.Headers.Location!.ToString().ShouldContain("access-denied");
        }
        (await app.WithDbAsync(db => db.Tenants.AnyAsync(t => t.Slug == "intruder"))).ShouldBeFalse();
        if (email.StartsWith("admin.", StringComparison.Ordinal))
        {
            (await client.GetPageAsync("/admin")).QuerySelector("a[href$='/admin/tenants']").ShouldBeNull();
        }
    }

    [Fact]
    public async Task The_installation_administrator_creates_and_edits_an_administration_with_an_audit_trail()
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("operator@example.org");
        (await client.GetPageAsync("/admin")).QuerySelector("a[href$='/admin/tenants']").ShouldNotBeNull();
        var list = await client.GetPageAsync("/admin/tenants");
        list.QuerySelectorAll("tbody tr").Length.ShouldBe(5);

        (await client.SubmitAsync("/admin/tenants/edit", Form("testovo", hosts: "Glas.Testovo.Example.BG", population: "12345"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var created = await app.WithDbAsync(db => db.Tenants.Include(t => t.Hosts).SingleAsync(t => t.Slug == "testovo"));
        created.Population.ShouldBe(12345);
        created.Hosts.Select(h => h.Name).ShouldBe(["glas.testovo.example.bg"]);
        created.IsDefault.ShouldBeFalse();
        (await (await app.Client().GetAsync("/t/testovo/api/v1/tenant")).Content.ReadFromJsonAsync<TenantDto>())!.NameBg.ShouldBe("Община Тестово");
        (await app.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync(), "testovo")).ShouldBe(["tenant.created"]);

        var edit = await client.GetPageAsync("/admin/tenants/edit/testovo");
        edit.QuerySelector("input[name='Input.Slug']").ShouldBeNull();
        (await client.SubmitAsync("/admin/tenants/edit/testovo", Form("ignored", kind: "Association", members: "Бургас\nЯмбол\nБургас"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var edited = await app.WithDbAsync(db => db.Tenants.Include(t => t.Hosts).SingleAsync(t => t.Slug == "testovo"));
        edited.Kind.ShouldBe(TenantKind.Association);
        edited.Members.ShouldBe(["Бургас", "Ямбол"]);
        edited.Hosts.ShouldBeEmpty();
        (await client.GetAsync("/admin/tenants/edit/nobody")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("sliven", "", "Input.Slug", "вече се използва")]
    [InlineData("Bad Slug", "", "Input.Slug", "малки латински букви")]
    [InlineData("-x", "", "Input.Slug", "малки латински букви")]
    [InlineData("newtown", "localhost", "Input.Hosts", "localhost")]
    [InlineData("newtown", "sliven.localhost", "Input.Hosts", "sliven.localhost")]
    [InlineData("newtown", "levski.localhost", "Input.Hosts", "levski.localhost")]
    [InlineData("newtown", "evil.example/x", "Input.Hosts", "невалиден")]
    public async Task Bad_slugs_and_host_names_are_refused_beside_their_field(string slug, string hosts, string field, string message)
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("operator@example.org");
        var page = await (await client.SubmitAsync("/admin/tenants/edit", Form(slug, hosts))).ParseAsync();
        page.FieldError(field).ShouldContain(message);
        (await app.WithDbAsync(db => db.Tenants.CountAsync())).ShouldBeLessThanOrEqualTo(6);
    }

    [Fact]
    public async Task Hostile_text_population_and_members_are_refused_with_messages()
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("operator@example.org");
        var form = Form("hostile", population: "0", members: "Бургас");
        form["Input.NameBg"] = "Община \u202Eовотсет";
        var page = await (await client.SubmitAsync("/admin/tenants/edit", form)).ParseAsync();
        page.FieldError("Input.NameBg").ShouldContain("управляващи знаци");
        page.FieldError("Input.Population").ShouldContain("от 1 до 10 000 000");
        page.FieldError("Input.Members").ShouldContain("само сдружението");
        form["Input.NameBg"] = "<script>alert(1)</script> 🎉";
        form["Input.Population"] = "abc";
        var again = await (await client.SubmitAsync("/admin/tenants/edit", form)).ParseAsync();
        again.FieldError("Input.Population").ShouldNotBeEmpty();
        (await app.WithDbAsync(db => db.Tenants.AnyAsync(t => t.Slug == "hostile"))).ShouldBeFalse();
    }
}
