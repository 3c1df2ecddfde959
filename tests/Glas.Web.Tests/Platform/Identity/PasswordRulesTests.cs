using Glas.Web.DemoData;
using Glas.Web.Platform.Identity;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Identity;

[Trait("Category", "Unit")]
public class PasswordRulesTests
{
    [Theory]
    [InlineData("aaaaaaaaaa", PasswordRules.Problem.Repeated)]
    [InlineData("ЯЯЯЯЯяяяяя", PasswordRules.Problem.Repeated)]
    [InlineData("1234567890", PasswordRules.Problem.Common)]
    [InlineData("password12", PasswordRules.Problem.Common)]
    [InlineData("PASSWORD12", PasswordRules.Problem.Common)]
    [InlineData("qwertyuiop", PasswordRules.Problem.Common)]
    [InlineData("parola123", PasswordRules.Problem.Common)]
    [InlineData("йцукенгшщз", PasswordRules.Problem.Common)]
    [InlineData("1q2w3e4r5t", PasswordRules.Problem.Common)]
    [InlineData("sofia2024", PasswordRules.Problem.Common)]
    [InlineData("Парола1234", PasswordRules.Problem.Common)]
    public void Repeated_and_common_passwords_are_refused(string password, PasswordRules.Problem problem) =>
        PasswordRules.Check(password, "someone@example.org", "Петя Петрова").ShouldBe(problem);

    [Theory]
    [InlineData("ivan.petrov@example.org")]
    [InlineData("ivan.petrov2026")]
    [InlineData("my-IVAN.PETROV-pass")]
    [InlineData("петяпетрова-2026")]
    [InlineData("Петя Петрова 77")]
    public void The_email_or_display_name_in_the_password_is_refused(string password) =>
        PasswordRules.Check(password, "ivan.petrov@example.org", "Петя Петрова").ShouldBe(PasswordRules.Problem.Personal);

    [Theory]
    [InlineData(DemoSeeder.Password, "citizen@example.org", "Мария Гражданка")]
    [InlineData("дълга-парола-123", "petya@example.org", "Петя Петрова")]
    [InlineData("сигурна-фраза-2026", "nov@example.org", "Нов Гражданин")]
    [InlineData("нова-парола-2026", "moderator.haskovo@example.org", "Модератор (haskovo)")]
    [InlineData("още-една-парола", "leaving@example.org", "Ще си тръгна")]
    [InlineData("kon-lampa-oblak-7", "jo@example.org", "Jo")] // personal parts under 3 letters are ignored
    public void Ordinary_passwords_pass(string password, string email, string name) =>
        PasswordRules.Check(password, email, name).ShouldBe(PasswordRules.Problem.None);

    [Fact]
    public void The_shipped_list_holds_at_least_ten_thousand_passwords() =>
        PasswordRules.CommonCount.ShouldBeGreaterThanOrEqualTo(10_000);
}
