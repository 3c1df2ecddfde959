using System.Net;
using System.Net.Http.Json;
using Glas.Web.Accounts;
using Glas.Web.Platform.Identity;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Accounts;

[Trait("Category", "Integration")]
public class RegistrationTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private static Dictionary<string, string> Registration(string email, string name = "Петя Петрова", string password = "дълга-парола-123") => new()
    {
        ["Input.Email"] = email,
        ["Input.DisplayName"] = name,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
        ["Input.Kind"] = "Citizen",
        ["Input.AcceptRules"] = "true",
    };

    [Fact]
    public async Task A_newcomer_registers_confirms_by_email_and_signs_in()
    {
        var client = app.Client();
        var response = await client.SubmitAsync("/account/register", Registration("petya@example.org"));
        response.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/account/register/done");

        // Not confirmed yet: sign-in is refused with a clear message.
        var refused = await client.SubmitAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = "petya@example.org", ["Input.Password"] = "дълга-парола-123" });
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Имейлът още не е потвърден");

        var mail = await app.WaitForMailAsync("petya@example.org");
        mail.ShouldContain("Петя Петрова");
        var link = Mail.Link(mail, "/account/confirm-email");

        // Opening the link (GET) does not confirm by itself; the button (POST) does.
        var page = await client.GetPageAsync(link);
        (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "petya@example.org"))).EmailConfirmed.ShouldBeFalse();
        var confirmed = await client.SubmitAsync(link, new Dictionary<string, string>());
        (await confirmed.Content.ReadAsStringAsync()).ShouldContain("Имейлът е потвърден");

        await client.SignInAsync("petya@example.org", "дълга-парола-123");
        var me = await client.GetFromJsonAsync<MeDto>("/api/v1/me");
        me!.DisplayName.ShouldBe("Петя Петрова");
        me.Role.ShouldBe("Participant");
        me.Kind.ShouldBe("Citizen");

        // Registered in the default tenant, as a participant there.
        var membership = await app.WithDbAsync(db => db.Memberships.Include(m => m.User).SingleAsync(m => m.User!.Email == "petya@example.org"), "sliven");
        membership.Role.ShouldBe(TenantRole.Participant);
    }

    [Fact]
    public async Task An_empty_form_answers_with_Bulgarian_messages_on_each_field()
    {
        var client = app.Client();
        var response = await client.SubmitAsync("/account/register", new Dictionary<string, string> { ["Input.Kind"] = "Citizen" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.FieldError("Input.Email").ShouldBe("Полето е задължително.");
        page.FieldError("Input.DisplayName").ShouldBe("Полето е задължително.");
        page.FieldError("Input.Password").ShouldBe("Полето е задължително.");
        page.FieldError("Input.AcceptRules").ShouldContain("правилата");
        page.QuerySelector("#Input_Email")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelector("#Input_Email")!.GetAttribute("aria-describedby").ShouldBe("Input_Email-error");
        page.QuerySelector(".error-summary a[href='#Input_Email']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Organisations_need_a_name_a_type_and_a_valid_EIK()
    {
        var client = app.Client();
        var fields = Registration("org@example.org", "Читалище „Зора“");
        fields["Input.Kind"] = "Organisation";
        fields["Input.OrganisationEik"] = "123456789";
        var page = await (await client.SubmitAsync("/account/register", fields)).ParseAsync();
        page.FieldError("Input.OrganisationName").ShouldContain("наименованието");
        page.FieldError("Input.OrganisationType").ShouldContain("вида");
        page.FieldError("Input.OrganisationEik").ShouldContain("контролна цифра");

        fields["Input.OrganisationName"] = "Народно читалище „Зора 1900“";
        fields["Input.OrganisationType"] = "Chitalishte";
        fields["Input.OrganisationEik"] = "123456786";
        var ok = await client.SubmitAsync("/account/register", fields);
        ok.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/account/register/done");
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "org@example.org"));
        user.Kind.ShouldBe(AccountKind.Organisation);
        user.OrganisationType.ShouldBe(OrganisationType.Chitalishte);
        user.OrganisationEik.ShouldBe("123456786");
    }

    [Theory]
    [InlineData("Aдминистратор", "латински и кирилски")] // Latin A among Cyrillic letters
    [InlineData("Анонимно", "запазено")]
    [InlineData("Иван\u200BПетров", "непозволени")]
    public async Task Spoofing_display_names_are_refused(string name, string message)
    {
        var page = await (await app.Client().SubmitAsync("/account/register", Registration($"spoof{Guid.NewGuid():N}@example.org", name))).ParseAsync();
        page.FieldError("Input.DisplayName").ShouldContain(message);
    }

    [Theory]
    [InlineData("Община Сливен")]
    [InlineData("ОБЩИНА  ЛЕВСКИ")]
    [InlineData("ruse regional administration")]
    [InlineData("Сдружение на общините от Югоизточен регион")]
    [InlineData("Служител (sliven)")]
    [InlineData("Служител на Община Сливен")]
    public async Task Names_of_administrations_and_staff_roles_are_refused(string name)
    {
        var page = await (await app.Client().SubmitAsync("/account/register", Registration($"impostor{Guid.NewGuid():N}@example.org", name))).ParseAsync();
        page.FieldError("Input.DisplayName").ShouldContain("запазено");
    }

    [Theory]
    [InlineData("Мария Гражданка")]
    [InlineData("мария  гражданка")]
    [InlineData("Мария-Гражданка")]
    public async Task Another_users_name_is_refused_on_registration_and_in_the_profile(string name)
    {
        var page = await (await app.Client().SubmitAsync("/account/register", Registration($"twin{Guid.NewGuid():N}@example.org", name))).ParseAsync();
        page.FieldError("Input.DisplayName").ShouldContain("Друг участник вече използва");

        var ngo = app.Client();
        await ngo.SignInAsync("ngo@example.org");
        var profile = await (await ngo.SubmitAsync("/account", new Dictionary<string, string> { ["Input.DisplayName"] = name, ["Input.OrganisationName"] = "Сдружение „Демо“", ["Input.OrganisationType"] = "Ngo" })).ParseAsync();
        profile.FieldError("Input.DisplayName").ShouldContain("Друг участник вече използва");
    }

    [Fact]
    public async Task Keeping_ones_own_name_in_the_profile_is_fine()
    {
        var client = app.Client();
        await client.SignInAsync("citizen@example.org");
        var saved = await client.SubmitAsync("/account", new Dictionary<string, string> { ["Input.DisplayName"] = "Мария Гражданка" });
        (await saved.Content.ReadAsStringAsync()).ShouldContain("Профилът е запазен.");
        saved = await client.SubmitAsync("/account", new Dictionary<string, string> { ["Input.DisplayName"] = "Мария  Гражданка." });
        (await saved.Content.ReadAsStringAsync()).ShouldContain("Профилът е запазен.");
    }

    [Fact]
    public async Task Short_password_and_mismatch_are_explained()
    {
        var client = app.Client();
        var fields = Registration("short@example.org", password: "кратка");
        var page = await (await client.SubmitAsync("/account/register", fields)).ParseAsync();
        page.FieldError("Input.Password").ShouldBe("Паролата трябва да е между 10 и 128 знака.");

        fields = Registration("mismatch@example.org");
        fields["Input.ConfirmPassword"] = "друга-парола-456";
        page = await (await client.SubmitAsync("/account/register", fields)).ParseAsync();
        page.FieldError("Input.ConfirmPassword").ShouldBe("Двете пароли не съвпадат.");
    }

    [Theory]
    [InlineData("aaaaaaaaaa", "един и същ знак")]
    [InlineData("1234567890", "най-често използваните")]
    [InlineData("password12", "най-често използваните")]
    [InlineData("weakpass@example.org", "имейла или публичното ви име")]
    [InlineData("Петя Петрова", "имейла или публичното ви име")]
    public async Task Weak_passwords_are_refused_with_a_Bulgarian_message(string password, string message)
    {
        var page = await (await app.Client().SubmitAsync("/account/register", Registration("weakpass@example.org", password: password))).ParseAsync();
        page.FieldError("Input.Password").ShouldContain(message);
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "weakpass@example.org"))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_weak_password_is_refused_on_reset_too()
    {
        var client = app.Client();
        await client.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "official.levski@example.org" });
        var link = Mail.Link(await app.WaitForMailAsync("official.levski@example.org"), "/account/reset-password");
        var page = await (await client.SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = "qwertyuiop", ["Input.ConfirmPassword"] = "qwertyuiop" })).ParseAsync();
        page.FieldError("Input.Password").ShouldContain("най-често използваните");
    }

    [Fact]
    public async Task Hostile_text_is_stored_as_given_and_rendered_inert()
    {
        var client = app.Client();
        const string name = "<script>alert('x')</script> Робърт'); DROP TABLE \"AspNetUsers\";-- 🎉";
        await client.SubmitAsync("/account/register", Registration("hostile@example.org", name));
        var mail = await app.WaitForMailAsync("hostile@example.org");
        await client.SubmitAsync(Mail.Link(mail, "/account/confirm-email"), new Dictionary<string, string>());
        await client.SignInAsync("hostile@example.org", "дълга-парола-123");

        var html = await (await client.GetAsync("/account")).Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert");
        html.ShouldContain("&lt;script&gt;");
        (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "hostile@example.org"))).DisplayName.ShouldBe(name);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var client = app.Client();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SubmitAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = "ngo@example.org", ["Input.Password"] = "грешна-парола-" + i });
            (await wrong.Content.ReadAsStringAsync()).ShouldContain(i < 4 ? "Грешен имейл или парола." : "временно заключен");
        }
        var right = await client.SubmitAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = "ngo@example.org", ["Input.Password"] = Glas.Web.DemoData.DemoSeeder.Password });
        (await right.Content.ReadAsStringAsync()).ShouldContain("временно заключен");
    }

    [Fact]
    public async Task Forgotten_password_mails_a_link_that_sets_a_new_one()
    {
        var client = app.Client();
        var sent = await client.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "moderator.haskovo@example.org" });
        (await sent.Content.ReadAsStringAsync()).ShouldContain("Ако има профил с този имейл");
        // Unknown addresses get the same answer and no mail.
        var unknown = await client.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.org" });
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("Ако има профил с този имейл");

        var link = Mail.Link(await app.WaitForMailAsync("moderator.haskovo@example.org"), "/account/reset-password");
        var reset = await client.SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = "нова-парола-2026", ["Input.ConfirmPassword"] = "нова-парола-2026" });
        (await reset.Content.ReadAsStringAsync()).ShouldContain("Паролата е сменена");
        await client.SignInAsync("moderator.haskovo@example.org", "нова-парола-2026");

        // A link cannot be used twice.
        var again = await app.Client().SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = "трета-парола-2026", ["Input.ConfirmPassword"] = "трета-парола-2026" });
        (await again.Content.ReadAsStringAsync()).ShouldContain("невалидна или е изтекла");
        Directory.GetFiles(app.MailDirectory).Select(File.ReadAllText).ShouldNotContain(t => t.Contains("nobody@example.org", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Profile_change_password_data_download_and_deletion()
    {
        var client = app.Client();
        await client.SubmitAsync("/account/register", Registration("leaving@example.org", "Ще си тръгна"));
        await client.SubmitAsync(Mail.Link(await app.WaitForMailAsync("leaving@example.org"), "/account/confirm-email"), new Dictionary<string, string>());
        await client.SignInAsync("leaving@example.org", "дълга-парола-123");

        var saved = await client.SubmitAsync("/account", new Dictionary<string, string> { ["Input.DisplayName"] = "Ново Име" });
        (await saved.Content.ReadAsStringAsync()).ShouldContain("Профилът е запазен.");
        (await client.GetFromJsonAsync<MeDto>("/api/v1/me"))!.DisplayName.ShouldBe("Ново Име");

        var wrong = await (await client.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "не-е-тази-123",
            ["Input.Password"] = "още-една-парола",
            ["Input.ConfirmPassword"] = "още-една-парола",
        })).ParseAsync();
        wrong.FieldError("Input.CurrentPassword").ShouldBe("Паролата е грешна.");
        var changed = await client.SubmitAsync("/account/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "дълга-парола-123",
            ["Input.Password"] = "още-една-парола",
            ["Input.ConfirmPassword"] = "още-една-парола",
        });
        (await changed.Content.ReadAsStringAsync()).ShouldContain("Паролата е сменена.");

        var download = await client.GetAsync("/account/personal-data?handler=download");
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var json = await download.Content.ReadAsStringAsync();
        json.ShouldContain("leaving@example.org");
        json.ShouldContain("Ново Име");
        json.ShouldContain("\"sliven\"");
        json.ShouldNotContain("citizen@example.org");

        var unconfirmed = await (await client.SubmitAsync("/account/personal-data", new Dictionary<string, string> { ["Input.Password"] = "още-една-парола" }, "delete")).ParseAsync();
        unconfirmed.FieldError("Input.Confirm").ShouldContain("Потвърдете");
        var deleted = await client.SubmitAsync("/account/personal-data", new Dictionary<string, string> { ["Input.Password"] = "още-една-парола", ["Input.Confirm"] = "true" }, "delete");
        (await deleted.Content.ReadAsStringAsync()).ShouldContain("Профилът ви е изтрит.");

        // The row stays with its personal data erased, and the account cannot sign in again.
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.DisplayName == "—" && u.Email!.StartsWith("deleted-")));
        user.DeletedAt.ShouldNotBeNull();
        user.PasswordHash.ShouldBeNull();
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "account.deleted" && a.ActorUserId == user.Id), "sliven")).ShouldBe(1);
        var again = await app.Client().SubmitAsync("/account/login", new Dictionary<string, string> { ["Input.Email"] = "leaving@example.org", ["Input.Password"] = "още-една-парола" });
        (await again.Content.ReadAsStringAsync()).ShouldContain("Грешен имейл или парола.");
    }
}
