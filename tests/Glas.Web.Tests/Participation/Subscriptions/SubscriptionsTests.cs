using System.Net;
using System.Text.RegularExpressions;
using Glas.Web.Participation.Subscriptions;
using Glas.Web.Platform.Jobs;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Participation.Subscriptions;

/// <summary>Subscriptions over HTTP and through real e-mail in the pickup folder: double opt-in, announcements, the weekly digest, one-click unsubscribe.</summary>
[Trait("Category", "Integration")]
public partial class SubscriptionsTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private async Task<HttpClient> As(string? email, string prefix = "")
    {
        var client = app.Client(followRedirects: false);
        if (email is not null)
        {
            await client.SignInAsync(email, prefix: prefix);
        }
        return client;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, IEnumerable<(string Key, string Value)> fields, string? action = null)
    {
        var token = Forms.Token(await client.GetPageAsync(page));
        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token))));
    }

    private static string NewAddress() => $"subscriber-{Guid.NewGuid():N}@example.org";

    private Task RunAsync<T>() where T : IJobHandler =>
        app.Services.GetServices<IJobHandler>().OfType<T>().Single().RunAsync("{}", CancellationToken.None);

    private Task<Subscription?> SubscriptionAsync(string email) =>
        app.WithDbAsync(db => db.Subscriptions.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Email == email));

    /// <summary>Subscribes an address through the form and the link in the confirmation e-mail.</summary>
    private async Task<Subscription> SubscribeAsync(string email, string frequency, string[] kinds, string[]? topics = null, int mailIndex = 0)
    {
        var visitor = await As(null);
        var sent = await PostFormAsync(visitor, "/subscriptions",
            [("Email", email), ("Frequency", frequency), .. kinds.Select(k => ("Kinds", k)), .. (topics ?? []).Select(t => ("Topics", t))]);
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var mail = await app.WaitForMailAsync(email, mailIndex);
        var confirm = new Uri(Mail.Link(mail, "/subscriptions/confirm/")).AbsolutePath;
        (await PostFormAsync(visitor, confirm, [])).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await SubscriptionAsync(email)).ShouldNotBeNull();
    }

    private async Task PublishNewsAsync(string title, params string[] topics)
    {
        var official = await As("official.sliven@example.org");
        (await PostFormAsync(official, "/news/new",
            [("Input.Title", title), ("Input.Summary", "Резюме на " + title), ("Input.Body", "Текст."), ("Input.PublishAt", ""), ("Input.Draft", "false"), .. topics.Select(t => ("Input.Topics", t))]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [GeneratedRegex(@"List-Unsubscribe: <([^>]+)>")]
    private static partial Regex UnsubscribeHeader();

    [Fact]
    public async Task Double_opt_in_stores_nothing_until_the_link_is_confirmed_and_tells_nobody_who_subscribes()
    {
        var email = NewAddress();
        var visitor = await As(null);
        var sent = await PostFormAsync(visitor, "/subscriptions", [("Email", "  " + email.ToUpperInvariant() + " "), ("Frequency", "Weekly"), ("Kinds", "news"), ("Topics", "budget")]);
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await visitor.GetPageAsync("/subscriptions");
        page.QuerySelector("[role=status]")!.TextContent.ShouldContain("Изпратихме писмо за потвърждение");
        page.Body!.TextContent.ShouldNotContain(email, Case.Insensitive);
        (await SubscriptionAsync(email)).ShouldBeNull();

        var mail = await app.WaitForMailAsync(email);
        mail.ShouldContain("поиска абонамент за новости от Община Сливен");
        mail.ShouldNotContain("List-Unsubscribe"); // one message asked for, not a list
        var link = Mail.Link(mail, "/subscriptions/confirm/");
        link.ShouldStartWith("http://localhost:5080/subscriptions/confirm/");
        var path = new Uri(link).AbsolutePath;

        // GET shows the request and changes nothing; another administration does not take the link.
        var confirm = await visitor.GetPageAsync(path);
        confirm.QuerySelector(".facts")!.TextContent.ShouldContain("Бюджет и финанси");
        (await SubscriptionAsync(email)).ShouldBeNull();
        (await visitor.GetAsync("/t/levski" + path)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // Without the form's token the POST is refused.
        (await visitor.PostAsync(path, new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var done = await PostFormAsync(visitor, path, []);
        (await done.ParseAsync()).GetElementById("subscription-done").ShouldNotBeNull();
        var s = (await SubscriptionAsync(email)).ShouldNotBeNull();
        s.Kinds.ShouldBe(["news"]);
        s.Topics.ShouldBe(["budget"]);
        s.Frequency.ShouldBe(SubscriptionFrequency.Weekly);
        s.UserId.ShouldBeNull();
        // Confirming again is harmless: still one.
        (await PostFormAsync(visitor, path, [])).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.WithDbAsync(db => db.Subscriptions.IgnoreQueryFilters().CountAsync(x => x.Email == email))).ShouldBe(1);

        // Asking again for a subscribed address answers the same and changes nothing until confirmed.
        (await PostFormAsync(visitor, "/subscriptions", [("Email", email), ("Frequency", "Immediately"), ("Kinds", "events")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SubscriptionAsync(email)).ShouldNotBeNull().Frequency.ShouldBe(SubscriptionFrequency.Weekly);

        // Forged or altered links are refused.
        (await visitor.GetAsync("/subscriptions/confirm/forged-token")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await visitor.GetAsync(path[..^3] + "abc")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Bad_requests_are_refused_field_by_field()
    {
        var visitor = await As(null);
        var response = await PostFormAsync(visitor, "/subscriptions", [("Email", "ivan@example.org\u202E"), ("Frequency", "Daily"), ("Kinds", "<script>alert(1)</script>"), ("Topics", "' OR 1=1 --")]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.FieldError("Email").ShouldStartWith("Въведете валиден имейл");
        page.GetElementById("Kinds-error")!.TextContent.ShouldBe("Изберете от изброените видове съдържание.");
        page.GetElementById("Topics-error")!.TextContent.ShouldBe("Изберете от изброените теми.");
        page.GetElementById("Frequency-error")!.TextContent.ShouldBe("Изберете колко често да получавате писма.");
        page.Body!.InnerHtml.ShouldNotContain("<script>alert(1)</script>");
        var none = await PostFormAsync(visitor, "/subscriptions", [("Email", ""), ("Frequency", "Weekly")]);
        var nonePage = await none.ParseAsync();
        nonePage.FieldError("Email").ShouldBe("Въведете имейл.");
        nonePage.GetElementById("Kinds-error")!.TextContent.ShouldBe("Изберете поне едно от нещата, които да получавате.");
    }

    [Fact]
    public async Task A_new_post_reaches_immediate_subscribers_of_its_topic_and_one_click_unsubscribes_without_harm_from_forged_or_reused_links()
    {
        var wanted = NewAddress();
        var otherTopic = NewAddress();
        var weekly = NewAddress();
        await SubscribeAsync(wanted, "Immediately", ["news"], ["budget"]);
        await SubscribeAsync(otherTopic, "Immediately", ["news"], ["culture"]);
        await SubscribeAsync(weekly, "Weekly", ["news"]);
        var title = "Бюджет 2027 " + Guid.NewGuid().ToString("N")[..6];
        await PublishNewsAsync(title, "budget");
        await RunAsync<AnnounceJob>();

        var mail = await app.WaitForMailAsync(wanted, title);
        mail.ShouldContain("Subject: =?utf-8?"); // encoded subject with the title
        mail.ShouldContain("Новини: " + title);
        mail.ShouldContain("http://localhost:5080/news/");
        mail.ShouldContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        var unsubscribe = UnsubscribeHeader().Match(mail).Groups[1].Value;
        unsubscribe.ShouldStartWith("http://localhost:5080/subscriptions/unsubscribe/");
        mail.ShouldContain(unsubscribe); // also in the text

        // Announced once: running again sends nothing more; the other topic and the weekly subscriber get nothing now.
        await RunAsync<AnnounceJob>();
        await Task.Delay(1500);
        Directory.GetFiles(app.MailDirectory, "*.eml").Select(f => Mail.Decode(File.ReadAllText(f)))
            .Count(m => m.Contains("To: " + wanted, StringComparison.OrdinalIgnoreCase)).ShouldBe(2); // confirmation + this one
        Directory.GetFiles(app.MailDirectory, "*.eml").Select(f => Mail.Decode(File.ReadAllText(f)))
            .Count(m => m.Contains("To: " + otherTopic, StringComparison.OrdinalIgnoreCase) || m.Contains("To: " + weekly, StringComparison.OrdinalIgnoreCase)).ShouldBe(2); // their confirmations

        // A forged token does nothing.
        var anonymous = await As(null);
        var path = new Uri(unsubscribe).AbsolutePath;
        (await anonymous.PostAsync("/subscriptions/unsubscribe/forged", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await anonymous.PostAsync(path[..^4] + "AAAA", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SubscriptionAsync(wanted)).ShouldNotBeNull();

        // GET changes nothing; the mail program's one-click POST (no sign-in, no antiforgery) ends it.
        (await anonymous.GetPageAsync(path)).QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldContain("Отпиши ме");
        (await SubscriptionAsync(wanted)).ShouldNotBeNull();
        var done = await anonymous.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await done.ParseAsync()).GetElementById("unsubscribe-done").ShouldNotBeNull();
        (await SubscriptionAsync(wanted)).ShouldBeNull();
        (await SubscriptionAsync(otherTopic)).ShouldNotBeNull();

        // The same link again finds nothing and harms nothing, even after the address subscribes anew.
        await SubscribeAsync(wanted, "Weekly", ["events"], mailIndex: 2); // after the first confirmation and the news e-mail
        var again = await anonymous.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SubscriptionAsync(wanted)).ShouldNotBeNull().Kinds.ShouldBe(["events"]);
        (await anonymous.GetPageAsync(path)).GetElementById("unsubscribe-gone").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_weekly_digest_lists_what_matches_since_the_last_one_once()
    {
        var email = NewAddress();
        await SubscribeAsync(email, "Weekly", ["news"], ["education"]);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var first = "Нови детски градини " + Guid.NewGuid().ToString("N")[..6];
        var second = "Ремонт на училища " + Guid.NewGuid().ToString("N")[..6];
        var off = "Концерт " + Guid.NewGuid().ToString("N")[..6];
        await PublishNewsAsync(first, "education");
        await PublishNewsAsync(second, "education", "urban");
        await PublishNewsAsync(off, "culture");
        await RunAsync<AnnounceJob>();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await RunAsync<WeeklyDigestJob>();

        var digest = await app.WaitForMailAsync(email, "Новото в Община Сливен през изминалата седмица");
        digest.ShouldContain(first);
        digest.ShouldContain(second);
        digest.ShouldNotContain(off);
        digest.ShouldContain("Новини / News");
        digest.ShouldContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        UnsubscribeHeader().Match(digest).Groups[1].Value.ShouldStartWith("http://localhost:5080/subscriptions/unsubscribe/");

        // The next run has nothing new for this subscriber.
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await RunAsync<WeeklyDigestJob>();
        await Task.Delay(1500);
        Directory.GetFiles(app.MailDirectory, "*.eml").Select(f => Mail.Decode(File.ReadAllText(f)))
            .Count(m => m.Contains("To: " + email, StringComparison.OrdinalIgnoreCase)).ShouldBe(2);
    }

    [Fact]
    public async Task A_signed_in_person_subscribes_with_their_account_and_the_data_is_theirs()
    {
        var citizen = await As("ngo@example.org");
        (await PostFormAsync(citizen, "/subscriptions", [("Frequency", "Immediately"), ("Kinds", "library"), ("Kinds", "consultations")])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "ngo@example.org").Select(u => u.Id).SingleAsync());
        var s = (await app.WithDbAsync(db => db.Subscriptions.IgnoreQueryFilters().AsNoTracking().SingleAsync(x => x.UserId == userId)));
        s.Email.ShouldBeNull();
        s.Kinds.ShouldBe(["consultations", "library"]);
        (await citizen.GetPageAsync("/subscriptions")).GetElementById("subscription-current")!.TextContent.ShouldContain("писмо за всяка новост");
        // Another administration's subscription is separate.
        (await citizen.GetPageAsync("/t/levski/subscriptions")).GetElementById("subscription-current").ShouldBeNull();
        // The personal-data download lists it.
        (await citizen.GetStringAsync("/account/personal-data?handler=download")).ShouldContain("\"subscriptions\"");
        (await PostFormAsync(citizen, "/subscriptions", [], "/subscriptions?handler=delete")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Subscriptions.IgnoreQueryFilters().AnyAsync(x => x.UserId == userId))).ShouldBeFalse();
    }
}
