using System.Text.RegularExpressions;
using Glas.Web.Platform.Identity;
using Glas.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Accounts;

/// <summary>The account pages answer alike, and about as fast, whether or not an address has an account.</summary>
[Trait("Category", "Integration")]
public partial class EnumerationTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private static Dictionary<string, string> Registration(string email, string password = "кон-лампа-облак-7") => new()
    {
        ["Input.Email"] = email,
        ["Input.DisplayName"] = "Нов Човек " + email[..email.IndexOf('@', StringComparison.Ordinal)],
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
        ["Input.Kind"] = "Citizen",
        ["Input.AcceptRules"] = "true",
    };

    private static Dictionary<string, string> SignIn(string email, string password) => new() { ["Input.Email"] = email, ["Input.Password"] = password };

    /// <summary>The page without what differs per request anyway (antiforgery tokens) and the echoed address.</summary>
    private static async Task<string> Body(HttpResponseMessage response, string email) =>
        Token().Replace(await response.Content.ReadAsStringAsync(), "").Replace(email, "ADDRESS", StringComparison.Ordinal);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"")]
    private static partial Regex Token();

    [Fact]
    public async Task Registering_an_existing_address_looks_like_a_new_registration_and_mails_the_owner()
    {
        var fresh = await app.Client().SubmitAsync("/account/register", Registration("brand-new@example.org"));
        var taken = await app.Client().SubmitAsync("/account/register", Registration("citizen@example.org"));
        taken.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/account/register/done");
        (await Body(taken, "citizen@example.org")).ShouldBe(await Body(fresh, "brand-new@example.org"));

        var notice = await app.WaitForMailAsync("citizen@example.org");
        notice.ShouldContain("Мария Гражданка");
        notice.ShouldContain("вече имате профил", Case.Insensitive);
        Mail.Link(notice, "/account/login").ShouldStartWith("http://localhost:5080/");
        Mail.Link(notice, "/account/forgot-password").ShouldStartWith("http://localhost:5080/");
        (await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "citizen@example.org"))).ShouldBe(1);
        // The owner's account is untouched: the demo password still signs in.
        await app.Client().SignInAsync("citizen@example.org");
    }

    [Fact]
    public async Task A_weak_password_is_refused_alike_for_new_and_existing_addresses()
    {
        var fresh = await (await app.Client().SubmitAsync("/account/register", Registration("weak-new@example.org", password: "1234567890"))).ParseAsync();
        var taken = await (await app.Client().SubmitAsync("/account/register", Registration("ngo@example.org", password: "1234567890"))).ParseAsync();
        taken.FieldError("Input.Password").ShouldBe(fresh.FieldError("Input.Password"));
        taken.FieldError("Input.Email").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unconfirmed_account_says_so_only_after_the_right_password()
    {
        var client = app.Client();
        await client.SubmitAsync("/account/register", Registration("unconfirmed@example.org"));

        var wrong = await client.SubmitAsync("/account/login", SignIn("unconfirmed@example.org", "не-е-тази-парола"));
        var html = await wrong.Content.ReadAsStringAsync();
        html.ShouldContain("Грешен имейл или парола.");
        html.ShouldNotContain("не е потвърден");
        var unknown = await client.SubmitAsync("/account/login", SignIn("nobody-here@example.org", "не-е-тази-парола"));
        (await Body(wrong, "unconfirmed@example.org")).ShouldBe(await Body(unknown, "nobody-here@example.org"));

        var right = await client.SubmitAsync("/account/login", SignIn("unconfirmed@example.org", "кон-лампа-облак-7"));
        (await right.Content.ReadAsStringAsync()).ShouldContain("Имейлът още не е потвърден");
    }

    [Fact]
    public async Task Signing_in_with_an_unknown_address_verifies_a_password_hash_as_a_known_one_does()
    {
        var hasher = new CountingHasher();
        using var counted = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<GlasUser>>(hasher)));
        var client = counted.CreateClient();

        await client.SubmitAsync("/account/login", SignIn("ngo@example.org", "не-е-тази-парола"));
        var known = hasher.Verified;
        known.ShouldBe(1);
        await client.SubmitAsync("/account/login", SignIn("nobody@example.org", "не-е-тази-парола"));
        (hasher.Verified - known).ShouldBe(known);
    }

    [Fact]
    public async Task Forgotten_password_and_resending_the_confirmation_answer_alike_for_any_address()
    {
        var client = app.Client();
        await client.SubmitAsync("/account/register", Registration("pending@example.org"));
        foreach (var path in new[] { "/account/forgot-password", "/account/resend-confirmation" })
        {
            var unknown = await Body(await client.SubmitAsync(path, new Dictionary<string, string> { ["Input.Email"] = "nobody@example.org" }), "nobody@example.org");
            foreach (var email in new[] { "moderator.sliven@example.org", "pending@example.org" })
            {
                (await Body(await client.SubmitAsync(path, new Dictionary<string, string> { ["Input.Email"] = email }), email)).ShouldBe(unknown, path + " " + email);
            }
        }
    }

    private sealed class CountingHasher : IPasswordHasher<GlasUser>
    {
        private readonly PasswordHasher<GlasUser> inner = new();
        private int verified;

        public int Verified => verified;

        public string HashPassword(GlasUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(GlasUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verified);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
