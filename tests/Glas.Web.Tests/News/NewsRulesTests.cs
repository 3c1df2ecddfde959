using Glas.Web.News;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.News;

[Trait("Category", "Unit")]
public class NewsRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly LinkChoice Consultation = new("consultations", Guid.NewGuid(), "Наредба", "/consultations/1");

    private static NewsPost Post() => new() { Id = Guid.NewGuid(), TenantId = Guid.NewGuid(), Title = "", Summary = "", Body = "" };

    private static NewsInput Input(Action<NewsInput>? change = null)
    {
        var input = new NewsInput { Title = " Заглавие ", Summary = "Резюме", Body = "**Текст**", Topics = ["urban", "budget"] };
        change?.Invoke(input);
        return input;
    }

    [Fact]
    public void A_post_without_a_time_is_public_now_and_keeps_topics_in_the_list_order()
    {
        var post = Post();
        NewsRules.Apply(Input(i => i.Links = [Consultation.Value]), post, [Consultation], Now).ShouldBeEmpty();
        post.Title.ShouldBe("Заглавие");
        post.PublishAt.ShouldBe(Now);
        post.Topics.ShouldBe(["budget", "urban"]);
        post.Links.ShouldHaveSingleItem().Title.ShouldBe("Наредба");
        NewsRules.Status(post.PublishAt, Now).ShouldBe(NewsStatus.Published);
    }

    [Fact]
    public void A_later_time_in_Sofia_schedules_the_post_and_a_draft_has_none()
    {
        var post = Post();
        NewsRules.Apply(Input(i => i.PublishAt = "2026-12-01T09:30"), post, [], Now).ShouldBeEmpty();
        post.PublishAt.ShouldBe(new DateTimeOffset(2026, 12, 1, 7, 30, 0, TimeSpan.Zero));
        NewsRules.Status(post.PublishAt, Now).ShouldBe(NewsStatus.Scheduled);
        NewsRules.IsPublic(post.PublishAt, new DateTimeOffset(2026, 12, 1, 7, 30, 0, TimeSpan.Zero)).ShouldBeTrue();

        NewsRules.Apply(Input(i => { i.Draft = true; i.PublishAt = "2026-12-01T09:30"; }), post, [], Now).ShouldBeEmpty();
        post.PublishAt.ShouldBeNull();
        NewsRules.Status(post.PublishAt, Now).ShouldBe(NewsStatus.Draft);
    }

    [Theory]
    [InlineData("Title", "", "Error.Title.Required")]
    [InlineData("Summary", "   ", "Error.Summary.Required")]
    [InlineData("Body", "", "Error.Body.Required")]
    [InlineData("Title", "Пълна\u202Eсмяна", "Error.Characters")]
    [InlineData("Summary", "нулев\u0000байт", "Error.Characters")]
    public void Missing_or_unsafe_text_is_refused_field_by_field(string field, string value, string key)
    {
        var post = Post();
        var errors = NewsRules.Apply(Input(i => typeof(NewsInput).GetProperty(field)!.SetValue(i, value)), post, [], Now);
        errors.ShouldContain((field, key));
        post.Title.ShouldBe(""); // nothing written
    }

    [Fact]
    public void Oversized_text_is_refused()
    {
        NewsRules.Apply(Input(i => i.Title = new string('а', 301)), Post(), [], Now).ShouldContain(("Title", "Error.Title.Long"));
        NewsRules.Apply(Input(i => i.Body = new string('а', 50001)), Post(), [], Now).ShouldContain(("Body", "Error.Body.Long"));
    }

    [Theory]
    [InlineData("утре")]
    [InlineData("2026-13-01T10:00")]
    [InlineData("1' OR '1'='1")]
    [InlineData("1900-01-01T10:00")]
    public void A_publish_time_that_is_not_one_is_refused(string value) =>
        NewsRules.Apply(Input(i => i.PublishAt = value), Post(), [], Now).ShouldContain(("PublishAt", "Error.PublishAt"));

    [Fact]
    public void Links_must_be_among_the_administrations_items_and_topics_known()
    {
        NewsRules.Apply(Input(i => i.Links = [$"consultations:{Guid.NewGuid()}"]), Post(), [Consultation], Now).ShouldContain(("Links", "Error.Links"));
        NewsRules.Apply(Input(i => i.Topics = ["budget", "<script>"]), Post(), [], Now).ShouldContain(("Topics", "Error.Topics"));
        var many = Enumerable.Range(0, 11).Select(n => new LinkChoice("projects", Guid.NewGuid(), "П" + n, "/projects/" + n)).ToList();
        NewsRules.Apply(Input(i => i.Links = [.. many.Select(m => m.Value)]), Post(), many, Now).ShouldContain(("Links", "Error.TooManyLinks"));
    }

    [Theory]
    [InlineData(null, true, null)]
    [InlineData("", true, null)]
    [InlineData("budget", true, "budget")]
    [InlineData("Budget", false, null)]
    [InlineData("<script>", false, null)]
    public void A_topic_filter_is_a_known_code_or_nothing(string? topic, bool ok, string? code)
    {
        NewsRules.TryTopic(topic, out var parsed).ShouldBe(ok);
        if (ok)
        {
            parsed.ShouldBe(code);
        }
    }

    [Fact]
    public void A_cover_needs_a_clean_text_alternative_of_at_most_300_characters()
    {
        NewsRules.CheckCover(true, "  Площадът след ремонта  ", out var alt).ShouldBeEmpty();
        alt.ShouldBe("Площадът след ремонта");
        NewsRules.CheckCover(true, new string('я', 300), out _).ShouldBeEmpty();
        NewsRules.CheckCover(true, null, out _).ShouldBe([("CoverAlt", "Error.CoverAlt.Required")]);
        NewsRules.CheckCover(true, " \t ", out _).ShouldBe([("CoverAlt", "Error.CoverAlt.Required")]);
        NewsRules.CheckCover(true, new string('я', 301), out _).ShouldBe([("CoverAlt", "Error.CoverAlt.Long")]);
        NewsRules.CheckCover(true, "снимка\u202Egpj.exe", out _).ShouldBe([("CoverAlt", "Error.Characters")]);
    }

    [Fact]
    public void Without_a_cover_the_text_alternative_is_not_needed_and_is_dropped()
    {
        NewsRules.CheckCover(false, null, out var none).ShouldBeEmpty();
        none.ShouldBeNull();
        NewsRules.CheckCover(false, "Остатък от старо изображение", out var dropped).ShouldBeEmpty();
        dropped.ShouldBeNull();
    }
}
