using Glas.Web.Consultations;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Browser;

/// <summary>
/// A participant's journey through nginx with requests going to two nodes in turn: signing in on
/// one node and posting on the other (keys shared in PostgreSQL), and a comment written on one
/// node shown at once by the other's page cache (its eviction travels by NOTIFY).
/// </summary>
[Trait("Category", "Browser")]
public class TwoNodesJourneyTests(TwoNodesFactory app) : IClassFixture<TwoNodesFactory>
{
    [Fact]
    public async Task A_participant_comments_through_two_nodes_and_anonymous_readers_of_both_see_it()
    {
        var consultation = await app.WithDbAsync(db => db.Consultations.Where(c => c.Status == ConsultationStatus.Open).OrderBy(c => c.RegNumber).Select(c => c.Id).FirstAsync(), "sliven");
        var url = $"/consultations/{consultation}";
        var nodes = new List<string>();

        // An anonymous reader reads the page from both nodes, so each node's cache holds it.
        var reader = await app.NewPageAsync();
        reader.Response += (_, r) => { if (r.Headers.TryGetValue("x-glas-upstream", out var node)) { lock (nodes) { nodes.Add(node); } } };
        for (var i = 0; i < 4; i++)
        {
            (await reader.GotoAsync(url))!.Status.ShouldBe(200);
        }

        // The participant's requests alternate between the nodes: the form comes from one, the post goes to the other.
        var citizen = await app.NewPageAsync();
        citizen.Response += (_, r) => { if (r.Headers.TryGetValue("x-glas-upstream", out var node)) { lock (nodes) { nodes.Add(node); } } };
        await BrowserFactory.SignInAsync(citizen, "citizen@example.org");
        await citizen.GotoAsync(url);
        var text = "Предлагам тишината да започва в 22:00 ч. " + Guid.NewGuid().ToString("N")[..6];
        await citizen.Locator("form.comment-form textarea").FillAsync(text);
        await citizen.Locator("form.comment-form button[type=submit]").ClickAsync();
        (await citizen.Locator("[role=status]").TextContentAsync()).ShouldBe("Коментарът е публикуван.");
        (await citizen.Locator("article.comment", new() { HasText = text }).CountAsync()).ShouldBe(1);
        await BrowserFactory.AssertAccessibleAsync(citizen);

        // Reloading the page hits both nodes; each shows the comment at once, though each had the page cached.
        for (var i = 0; i < 4; i++)
        {
            await reader.GotoAsync(url);
            (await reader.Locator("article.comment", new() { HasText = text }).CountAsync()).ShouldBe(1, $"reload {i + 1}");
            (await reader.ContentAsync()).ShouldNotContain("__RequestVerificationToken"); // nothing of the participant's session
        }

        lock (nodes)
        {
            nodes.Distinct().Order().ShouldBe(app.Upstreams.Order());
        }
    }
}
