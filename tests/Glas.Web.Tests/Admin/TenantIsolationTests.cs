using System.Net;
using System.Net.Http.Json;
using Glas.Web.Admin;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Web;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Admin;

/// <summary>An administrator of one tenant can neither read nor change anything of another.</summary>
[Trait("Category", "Integration")]
public class TenantIsolationTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private Task<Guid> UserId(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Theory]
    [InlineData("/t/sliven/admin")]
    [InlineData("/t/sliven/admin/users")]
    [InlineData("/t/sliven/admin/audit")]
    public async Task Levski_administrator_is_denied_Sliven_admin_pages(string url)
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("admin.levski@example.org", prefix: "/t/levski");
        (await client.GetAsync("/t/levski/admin")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/t/sliven/account/access-denied");
    }

    [Fact]
    public async Task Levski_administrator_cannot_list_or_change_Sliven_members_through_the_API()
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("admin.levski@example.org", prefix: "/t/levski");
        var sliven = await UserId("official.sliven@example.org");

        (await client.GetAsync("/t/sliven/api/v1/admin/members")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PutAsJsonAsync($"/t/sliven/api/v1/admin/members/{sliven}/role", new { role = "Participant" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Through its own tenant, a Sliven member simply does not exist.
        (await client.PutAsJsonAsync($"/t/levski/api/v1/admin/members/{sliven}/role", new { role = "Participant" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var members = await client.GetFromJsonAsync<PageOf<MemberDto>>("/t/levski/api/v1/admin/members");
        members!.Items.ShouldAllBe(m => m.Email!.Contains("levski", StringComparison.Ordinal));
        members.Items.Count.ShouldBe(3);

        (await app.WithDbAsync(db => db.Memberships.SingleAsync(m => m.UserId == sliven), "sliven")).Role.ShouldBe(TenantRole.Official);
    }

    [Fact]
    public async Task Levski_administrator_cannot_change_a_Sliven_member_through_its_own_form()
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("admin.levski@example.org", prefix: "/t/levski");
        var sliven = await UserId("moderator.sliven@example.org");
        var token = Forms.Token(await client.GetPageAsync("/t/levski/admin/users"));
        var response = await client.PostAsync("/t/levski/admin/users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userId"] = sliven.ToString(),
            ["role"] = "Administrator",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDbAsync(db => db.Memberships.SingleAsync(m => m.UserId == sliven), "sliven")).Role.ShouldBe(TenantRole.Moderator);
    }

    [Fact]
    public async Task Roles_are_per_tenant_so_a_Sliven_official_is_a_participant_in_Levski()
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("official.sliven@example.org");
        (await client.GetFromJsonAsync<Glas.Web.Accounts.MeDto>("/api/v1/me"))!.Role.ShouldBe("Official");
        (await client.GetFromJsonAsync<Glas.Web.Accounts.MeDto>("/t/levski/api/v1/me"))!.Role.ShouldBe("Participant");
    }

    [Fact]
    public async Task An_administrator_changes_roles_and_settings_of_their_own_tenant_with_an_audit_trail()
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("admin.haskovo@example.org", prefix: "/t/haskovo");
        var official = await UserId("official.haskovo@example.org");

        (await client.PutAsJsonAsync($"/t/haskovo/api/v1/admin/members/{official}/role", new { role = "Moderator" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var settings = await client.SubmitAsync("/t/haskovo/admin", new Dictionary<string, string>
        {
            ["Input.NameBg"] = "Община Хасково",
            ["Input.NameEn"] = "Haskovo Municipality",
            ["Input.ContactEmail"] = "glas@haskovo.example.org",
        });
        settings.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var audit = await app.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).ToListAsync(), "haskovo");
        audit.Select(a => a.Action).ShouldBe(["member.role", "tenant.settings"]);
        audit[0].Details.ShouldBe("Official → Moderator");
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(), "levski")).ShouldBe(0);
    }

    [Fact]
    public async Task The_last_administrator_cannot_demote_themselves()
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("admin.ruse-oblast@example.org", prefix: "/t/ruse-oblast");
        var self = await UserId("admin.ruse-oblast@example.org");
        var response = await client.PutAsJsonAsync($"/t/ruse-oblast/api/v1/admin/members/{self}/role", new { role = "Participant" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("поне един администратор");
    }
}
