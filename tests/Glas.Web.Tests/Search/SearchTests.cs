using System.Net;
using System.Net.Http.Json;
using Glas.Web.Platform.Jobs;
using Glas.Web.Search;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Search;

[Trait("Category", "Integration")]
public class SearchTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    /// <summary>Waits for the first build of the index, which the job runner starts with Glas.</summary>
    private async Task IndexedAsync()
    {
        for (var i = 0; i < 300; i++)
        {
            if (await app.WithDbAsync(db => db.Jobs.AnyAsync(j => j.Kind == SearchRebuildJob.JobKind && j.Status == JobStatus.Done)))
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The search index was not built.");
    }

    private async Task<SearchResultsDto> SearchAsync(string prefix, string query, string extra = "")
    {
        var response = await app.Client().GetAsync($"{prefix}/api/v1/search?q={Uri.EscapeDataString(query)}{extra}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SearchResultsDto>())!;
    }

    /// <summary>Bulgarian queries as people type them (inflected, with articles, plurals, adjectives, a half-typed last word) and the item that must come first.</summary>
    public static TheoryData<string, string, string> Relevance => new()
    {
        { "", "наредбата за обществения ред", "Наредба за обществения ред" },
        { "", "обществен ред", "Наредба за обществения ред" },
        { "", "наредби за територията", "Наредба за обществения ред" },
        { "", "обществения", "Наредба за обществения ред" },
        { "", "обсъждането на наредбата", "Обществено обсъждане на Наредбата" },
        { "", "общественият ред", "Наредба за обществения ред" },
        { "", "територията на общината наредб", "Наредба за обществения ред" },
        { "", "партньорите за развитие", "Партньори за развитие на Община Сливен" },
        { "", "партньор", "Партньори за развитие на Община Сливен" },
        { "", "развитието", "Партньори за развитие на Община Сливен" },
        { "", "гражданското участие в Сливен", "Партньори за развитие на Община Сливен" },
        { "/t/levski", "бюджета", "бюджет" },
        { "/t/levski", "бюджетът", "бюджет" },
        { "/t/levski", "бюджети", "бюджет" },
        { "/t/levski", "капиталовите програми", "бюджет" },
        { "/t/levski", "бюдж", "бюджет" },
        { "/t/levski", "гражданското общество", "Гражданското общество в партньорство с местната власт" },
        { "/t/levski", "партньорството с местната власт", "Гражданското общество в партньорство с местната власт" },
        { "/t/levski", "местна власт", "Гражданското общество в партньорство с местната власт" },
        { "/t/levski", "граждански", "Гражданското общество в партньорство с местната власт" },
        { "/t/haskovo", "отпадъците", "отпадъ" },
        { "/t/haskovo", "отпадъци", "отпадъ" },
        { "/t/haskovo", "управлението на отпадъците", "отпадъ" },
        { "/t/haskovo", "програмата", "отпадъ" },
        { "/t/haskovo", "престижа", "Престиж" },
        { "/t/ruse-oblast", "мониторинга", "Областна администрация - Русе през погледа на гражданското общество" },
        { "/t/ruse-oblast", "оценката на политиките", "Областна администрация - Русе през погледа на гражданското общество" },
        { "/t/ruse-oblast", "погледа на гражданите", "Областна администрация - Русе през погледа на гражданското общество" },
        { "/t/ruse-oblast", "областната администрация", "Областна администрация - Русе през погледа на гражданското общество" },
        { "/t/yugoiztochen", "моделите и политиките", "Прилагане на модели и политики" },
        { "/t/yugoiztochen", "споделеното управление", "Прилагане на модели и политики" },
        { "/t/yugoiztochen", "динамичното", "Прилагане на модели и политики" },
        { "/t/yugoiztochen", "Бургас", "Прилагане на модели и политики" },
    };

    [Theory]
    [MemberData(nameof(Relevance))]
    public async Task Bulgarian_queries_find_the_expected_item_first(string prefix, string query, string expected)
    {
        await IndexedAsync();
        var results = await SearchAsync(prefix, query);
        results.Items.ShouldNotBeEmpty($"nothing found for „{query}“");
        results.Items[0].Title.ShouldContain(expected, Case.Insensitive, $"first for „{query}“: {string.Join(" | ", results.Items.Select(i => i.Title))}");
    }

    [Fact]
    public async Task Search_stays_within_the_administration()
    {
        await IndexedAsync();
        (await SearchAsync("/t/levski", "обществения ред")).Items.ShouldNotContain(i => i.Title.Contains("Наредба за обществения ред", StringComparison.Ordinal));
        (await SearchAsync("", "бюджетът на Левски")).Total.ShouldBe(0);
    }

    [Fact]
    public async Task The_index_follows_every_save_and_forgets_what_is_hidden()
    {
        await IndexedAsync();
        var comment = await app.WithDbAsync(async db =>
        {
            var c = await db.Comments.Where(x => x.HiddenAt == null).OrderBy(x => x.CreatedAt).FirstAsync();
            c.Text = "Предлагам кварталните пейки да се боядисат в жълто.";
            await db.SaveChangesAsync();
            return c;
        }, "sliven");
        var found = await EventuallyAsync(() => SearchAsync("", "пейките жълти"), r => r.Total == 1);
        found.Items[0].Kind.ShouldBe("comment");
        found.Items[0].Path.ShouldEndWith("#c-" + comment.Id);
        found.Items[0].Title.ShouldStartWith("Коментар по „");

        await app.WithDbAsync(async db =>
        {
            var c = await db.Comments.SingleAsync(x => x.Id == comment.Id);
            c.HiddenAt = DateTimeOffset.UtcNow;
            c.HiddenReason = "Тест";
            return await db.SaveChangesAsync();
        }, "sliven");
        await EventuallyAsync(() => SearchAsync("", "пейките жълти"), r => r.Total == 0);

        var projectId = await app.WithDbAsync(async db =>
        {
            var p = await db.Projects.OrderBy(x => x.Title).FirstAsync();
            p.Title = "Зелени класни стаи в училищата";
            await db.SaveChangesAsync();
            return p.Id;
        }, "levski");
        var project = await EventuallyAsync(() => SearchAsync("/t/levski", "зелената класна стая", "&module=projects"), r => r.Total == 1);
        project.Items[0].Id.ShouldBe(projectId);
        project.Items[0].Path.ShouldBe($"/projects/{projectId}");
    }

    [Fact]
    public async Task A_rebuild_rewrites_only_the_entries_that_differ_from_their_items()
    {
        await IndexedAsync();
        // An entry spoiled behind the index's back (as raw SQL might leave it) is what the rebuild is for.
        var spoiled = await app.WithDbAsync(db => db.SearchEntries.IgnoreQueryFilters()
            .Where(e => e.Module == "consultations").OrderBy(e => e.ItemId).Select(e => new { e.ItemId, e.Title }).FirstAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "SearchEntries" SET "Title" = 'развалено' WHERE "Module" = 'consultations' AND "ItemId" = {spoiled.ItemId}"""));
        var before = await VersionsAsync();

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SearchIndex>().RebuildAsync(CancellationToken.None);
        }

        var after = await VersionsAsync();
        after.Keys.ShouldBe(before.Keys, ignoreOrder: true);
        after.Where(a => a.Value != before[a.Key]).Select(a => a.Key).ShouldBe([spoiled.ItemId]);
        (await app.WithDbAsync(db => db.SearchEntries.IgnoreQueryFilters().Where(e => e.ItemId == spoiled.ItemId).Select(e => e.Title).SingleAsync()))
            .ShouldBe(spoiled.Title);

        // Each consultation entry's row version (xmin changes with every update of the row).
        Task<Dictionary<Guid, string>> VersionsAsync() => app.WithDbAsync(db => db.Database
            .SqlQuery<RowVersion>($"""SELECT "ItemId", xmin::text AS "Version" FROM "SearchEntries" WHERE "Module" = 'consultations'""")
            .ToDictionaryAsync(r => r.ItemId, r => r.Version));
    }

    private sealed record RowVersion(Guid ItemId, string Version);

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=%20%20", "q")]
    [InlineData("q=бюджет&module=nothing", "module")]
    [InlineData("q=бюджет&year=1700", "year")]
    public async Task Bad_requests_get_a_problem_naming_the_field(string query, string field)
    {
        var response = await app.Client().GetAsync("/api/v1/search?" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain($"\"{field}\"");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("'; DROP TABLE \"SearchEntries\"; --")]
    [InlineData("бюджет') | !('")]
    [InlineData("Наредба\u202E\u200B 🎉")]
    [InlineData("Нaредба")] // Latin a among Cyrillic letters
    public async Task Hostile_queries_are_answered_safely(string query)
    {
        await IndexedAsync();
        (await app.Client().GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(query))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await app.Client().GetAsync("/search?q=" + Uri.EscapeDataString(query));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldNotContain("<script>alert(1)</script>");
        (await app.Client().GetAsync("/api/v1/search?q=" + new string('б', 201))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_page_shows_results_with_the_found_words_marked_and_says_when_there_are_none()
    {
        await IndexedAsync();
        var page = await app.Client().GetPageAsync("/search?q=" + Uri.EscapeDataString("наредбата за територията"));
        page.QuerySelector(".search-results li h3 a")!.TextContent.ShouldContain("Наредба за обществения ред");
        page.QuerySelectorAll(".search-results mark").Select(m => m.TextContent.ToLowerInvariant()).ShouldContain(m => m.StartsWith("наредб", StringComparison.Ordinal));
        var none = await app.Client().GetPageAsync("/search?q=" + Uri.EscapeDataString("квантова хромодинамика"));
        none.QuerySelector(".empty")!.TextContent.ShouldStartWith("Няма резултати");
        var empty = await app.Client().GetPageAsync("/search?q=", HttpStatusCode.BadRequest);
        empty.QuerySelector("#q-error")!.TextContent.ShouldBe("Въведете поне една дума за търсене.");
    }

    [Fact]
    public async Task A_common_word_ranks_the_newest_five_hundred_matches_and_says_there_are_more()
    {
        await IndexedAsync();
        // 1,200 entries of Ruse's regional administration with a word no other entry has; each a day older than the
        // one before. The oldest carries the word three times in its title and would rank first over all
        // matches; entry 250 carries it twice and ranks first among the newest five hundred. Entry 250 is
        // also long: its vector is too long for the date index's copy, so the walk reads it from the table.
        var now = DateTimeOffset.UtcNow;
        var stems = BulgarianText.Lexemes("Ябълкова градина");
        var word = BulgarianText.Lexemes("ябълкова");
        var sorts = string.Join(' ', Enumerable.Range(1, 200).Select(i => $"сорт{i}"));
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO "SearchEntries" ("Module", "ItemId", "TenantId", "Kind", "Title", "Text", "Path", "Date", "Vector", "IndexedAt")
            SELECT 'test-common', gen_random_uuid(), t."Id", 'test', 'Ябълкова градина ' || g || CASE g WHEN 250 THEN ' ябълкова' WHEN 1200 THEN ' ябълкова ябълкова' ELSE '' END,
                   'Текст ' || g, '/test/' || g, {now} - g * interval '1 day',
                   setweight(to_tsvector('simple', {stems} || CASE g WHEN 250 THEN ' ' || {word} || ' ' || {sorts} WHEN 1200 THEN ' ' || {word} || ' ' || {word} ELSE '' END), 'A'), {now}
            FROM generate_series(1, 1200) g, "Tenants" t WHERE t."Slug" = 'ruse-oblast'
            """));
        try
        {
            var copies = await app.WithDbAsync(db => db.SearchEntries.IgnoreQueryFilters().Where(e => e.Module == "test-common")
                .GroupBy(e => e.ShortVector == null).Select(g => new { Long = g.Key, Count = g.Count() }).ToListAsync());
            copies.ShouldBe([new { Long = false, Count = 1199 }, new { Long = true, Count = 1 }], ignoreOrder: true);

            var first = await SearchAsync("/t/ruse-oblast", "ябълкова");
            first.Total.ShouldBe(SearchQuery.Limit);
            first.More.ShouldBeTrue();
            first.Items.Count.ShouldBe(SearchQuery.PageSize);
            first.Items[0].Title.ShouldBe("Ябълкова градина 250 ябълкова");
            first.Items.ShouldNotContain(i => i.Title.StartsWith("Ябълкова градина 1200", StringComparison.Ordinal));
            // Equal ranks: newest first; the pages go as far as the five hundredth match.
            first.Items[1].Title.ShouldBe("Ябълкова градина 1");
            var last = await SearchAsync("/t/ruse-oblast", "ябълкова", "&page=25");
            last.Page.ShouldBe(SearchQuery.Limit / SearchQuery.PageSize);
            last.Items.Count.ShouldBe(SearchQuery.PageSize);
            last.Items[^1].Title.ShouldBe("Ябълкова градина 500");
            var page = await app.Client().GetPageAsync("/t/ruse-oblast/search?q=" + Uri.EscapeDataString("ябълкова"));
            page.QuerySelector("#results-h")!.TextContent.ShouldBe("Намерени резултати: над 500");

            // Narrowed by year, fewer than five hundred match: the count is exact and the best of them all comes first.
            var year = (now - TimeSpan.FromDays(1200)).Year;
            var narrowed = await SearchAsync("/t/ruse-oblast", "ябълкова", $"&year={year}");
            narrowed.More.ShouldBeFalse();
            narrowed.Total.ShouldBeLessThan(SearchQuery.Limit);
            narrowed.Items[0].Title.ShouldBe("Ябълкова градина 1200 ябълкова ябълкова");

            // Another administration sees none of them.
            (await SearchAsync("/t/levski", "ябълкова")).Total.ShouldBe(0);
        }
        finally
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""DELETE FROM "SearchEntries" WHERE "Module" = 'test-common'"""));
        }
    }

    private async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var i = 0; i < 100; i++)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            await Task.Delay(100);
        }
        var jobs = await app.WithDbAsync(db => db.Jobs.Where(j => j.Kind.StartsWith("search")).Select(j => j.Kind + " " + j.Status + " " + j.LastError).ToListAsync());
        throw new TimeoutException("The index did not follow the change. Jobs: " + string.Join("; ", jobs));
    }
}
