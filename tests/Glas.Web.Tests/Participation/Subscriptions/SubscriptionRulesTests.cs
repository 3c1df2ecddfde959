using Glas.Web.Participation.Subscriptions;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Participation.Subscriptions;

[Trait("Category", "Unit")]
public class SubscriptionRulesTests
{
    private static readonly string[] All = [.. SubscriptionRules.Kinds];

    [Theory]
    [InlineData("news", new string[0], true)]
    [InlineData("news", new[] { "budget" }, true)]
    [InlineData("news", new[] { "urban", "participation" }, true)] // one of several is enough
    [InlineData("news", new[] { "culture" }, false)]
    [InlineData("news", new[] { "something-else" }, true)] // not a shared topic: the kind decides
    [InlineData("events", new string[0], false)]
    public void An_item_reaches_a_subscriber_by_kind_and_by_topic_when_it_has_one(string module, string[] itemTopics, bool expected) =>
        SubscriptionRules.Matches(["news", "library"], ["budget", "participation"], module, itemTopics).ShouldBe(expected);

    [Fact]
    public void No_topics_chosen_means_every_topic() =>
        SubscriptionRules.Matches(["news"], [], "news", ["culture"]).ShouldBeTrue();

    [Fact]
    public void The_digest_goes_out_on_the_next_Monday_at_eight_in_Sofia()
    {
        // Wednesday 25 November 2026, 10:00 UTC → Monday 30 November 08:00 EET (06:00 UTC).
        SubscriptionRules.NextDigestAt(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero)).ShouldBe(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));
        // On Monday before eight: the same morning; at eight exactly: a week later.
        SubscriptionRules.NextDigestAt(new DateTimeOffset(2026, 11, 30, 5, 0, 0, TimeSpan.Zero)).ShouldBe(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));
        SubscriptionRules.NextDigestAt(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero)).ShouldBe(new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero));
        // Summer time: 08:00 EEST is 05:00 UTC.
        SubscriptionRules.NextDigestAt(new DateTimeOffset(2026, 6, 3, 12, 0, 0, TimeSpan.Zero)).ShouldBe(new DateTimeOffset(2026, 6, 8, 5, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_request_keeps_known_kinds_and_topics_in_their_order()
    {
        var errors = new List<(string, string)>();
        var choice = SubscriptionRules.Check(["news", "consultations", "news", ""], ["culture", "budget"], "Weekly", All, errors);
        errors.ShouldBeEmpty();
        choice.ShouldNotBeNull();
        choice.Kinds.ShouldBe(["consultations", "news"]);
        choice.Topics.ShouldBe(["budget", "culture"]);
        choice.Frequency.ShouldBe(SubscriptionFrequency.Weekly);
    }

    [Theory]
    [InlineData(new string[0], "Kinds", "Error.NoKinds")]
    [InlineData(new[] { "news", "<script>" }, "Kinds", "Error.Kinds")]
    [InlineData(new[] { "feedback" }, "Kinds", "Error.Kinds")]
    public void A_request_without_a_known_kind_is_refused(string[] kinds, string field, string key)
    {
        var errors = new List<(string Field, string Key)>();
        SubscriptionRules.Check(kinds, [], "Immediately", All, errors).ShouldBeNull();
        errors.ShouldContain((field, key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("Daily")]
    [InlineData("weekly")]
    public void An_unknown_frequency_is_refused(string? frequency)
    {
        var errors = new List<(string Field, string Key)>();
        SubscriptionRules.Check(["news"], [], frequency, All, errors).ShouldBeNull();
        errors.ShouldContain(("Frequency", "Error.Frequency"));
    }

    [Fact]
    public void An_unknown_topic_is_refused()
    {
        var errors = new List<(string Field, string Key)>();
        SubscriptionRules.Check(["news"], ["budget'; DROP TABLE \"Subscriptions\";--"], "Weekly", All, errors).ShouldBeNull();
        errors.ShouldContain(("Topics", "Error.Topics"));
    }

    [Theory]
    [InlineData("  Ivan.Petrov@Example.BG ", "ivan.petrov@example.bg", null)]
    [InlineData("", null, "Error.EmailRequired")]
    [InlineData(null, null, "Error.EmailRequired")]
    [InlineData("not-an-address", null, "Error.Email")]
    [InlineData("a@b", null, "Error.Email")]
    [InlineData("a b@example.org", null, "Error.Email")]
    [InlineData("ivan@example.org\u202E", null, "Error.Email")]
    [InlineData("Ivan <ivan@example.org>", null, "Error.Email")]
    [InlineData("ivan@example.org\r\nBcc: all@example.org", null, "Error.Email")]
    public void An_address_is_checked_and_stored_in_lower_case(string? input, string? expected, string? error)
    {
        SubscriptionRules.CheckEmail(input, out var key).ShouldBe(expected);
        key.ShouldBe(error);
    }

    [Fact]
    public void An_overlong_address_is_refused() =>
        SubscriptionRules.CheckEmail(new string('a', 250) + "@example.org", out _).ShouldBeNull();
}
