using Glas.Web.Participation.Notifications;
using Glas.Web.Platform.Email;
using Microsoft.AspNetCore.DataProtection;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Participation.Notifications;

[Trait("Category", "Unit")]
public class NotificationRulesTests
{
    private static readonly Guid Ana = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Boris = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Sliven = Guid.NewGuid();
    private static readonly Guid Park = Guid.NewGuid();
    private static readonly Guid School = Guid.NewGuid();
    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static DigestItem Item(Guid user, Guid subject, string kind, string title, int minutes) =>
        new(user, user == Ana ? "ana@example.org" : "boris@example.org", Sliven, "project", subject, kind, title, $"/projects/{subject}", Noon.AddMinutes(minutes));

    [Fact]
    public void A_digest_is_one_mail_per_person_with_one_section_per_item_oldest_first()
    {
        var mails = DigestRules.Group(
        [
            Item(Ana, School, "project.payment", "Училище", 30),
            Item(Boris, Park, "project.status", "Парк", 5),
            Item(Ana, Park, "project.payment", "Парк (ново име)", 20),
            Item(Ana, Park, "project.status", "Парк", 10),
        ]);

        mails.Select(m => m.Email).ShouldBe(["ana@example.org", "boris@example.org"]);
        var ana = mails[0];
        ana.Subjects.Select(s => s.SubjectId).ShouldBe([Park, School]);
        ana.Subjects[0].Items.Select(i => i.Kind).ShouldBe(["project.status", "project.payment"]);
        ana.Subjects[0].Title.ShouldBe("Парк (ново име)"); // the latest title names the item
        mails[1].Subjects.ShouldHaveSingleItem().Items.ShouldHaveSingleItem();
    }

    [Fact]
    public void An_empty_digest_sends_nothing() => DigestRules.Group([]).ShouldBeEmpty();

    [Theory]
    [InlineData("2026-11-25T05:59:00Z", "2026-11-25T06:00:00Z")] // 07:59 in Sofia (UTC+2) → 08:00 the same day
    [InlineData("2026-11-25T06:00:00Z", "2026-11-26T06:00:00Z")] // exactly 08:00 → tomorrow
    [InlineData("2026-07-01T04:30:00Z", "2026-07-01T05:00:00Z")] // summer time (UTC+3)
    [InlineData("2026-03-28T07:00:00Z", "2026-03-29T05:00:00Z")] // the night the clocks go forward
    public void The_digest_goes_out_at_eight_in_Sofia(string now, string expected) =>
        DigestRules.NextDigestAt(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    private static UnsubscribeTokens Tokens() => new(new EphemeralDataProtectionProvider());

    [Fact]
    public void An_unsubscribe_token_names_the_person_and_the_item_or_all_mail()
    {
        var tokens = Tokens();
        tokens.Read(tokens.Create(Ana, new FollowSubject("project", Park, Sliven))).ShouldBe(new Unsubscribe(Ana, "project", Park));
        var all = tokens.Read(tokens.Create(Boris, null)).ShouldNotBeNull();
        all.UserId.ShouldBe(Boris);
        all.All.ShouldBeTrue();
        tokens.Create(Ana, "project", Park).ShouldNotContain(Ana.ToString("N")); // not readable from the link
    }

    [Fact]
    public void A_tampered_truncated_or_foreign_token_is_refused()
    {
        var tokens = Tokens();
        var token = tokens.Create(Ana, "project", Park);
        var flipped = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];
        tokens.Read(flipped).ShouldBeNull();
        tokens.Read(token[..^4]).ShouldBeNull();
        tokens.Read("").ShouldBeNull();
        tokens.Read(null).ShouldBeNull();
        tokens.Read("not-a-token").ShouldBeNull();
        tokens.Read(new string('A', 2000)).ShouldBeNull();
        Tokens().Read(token).ShouldBeNull(); // another installation's keys
    }

    [Fact]
    public void A_notification_mail_carries_the_RFC_8058_headers()
    {
        using var mime = SendEmailJob.Compose(new EmailMessage("ana@example.org", "Тема", "Текст", "https://glas.example.bg/unsubscribe/abc"), "Glas <no-reply@glas.localhost>", Noon);
        mime.Headers["List-Unsubscribe"].ShouldBe("<https://glas.example.bg/unsubscribe/abc>");
        mime.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        using var plain = SendEmailJob.Compose(new EmailMessage("ana@example.org", "Тема", "Текст"), "Glas <no-reply@glas.localhost>", Noon);
        plain.Headers.Contains("List-Unsubscribe").ShouldBeFalse();
    }
}
