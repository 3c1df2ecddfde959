using Glas.Web.Consultations;
using Glas.Web.Participation.Comments;
using Glas.Web.Participation.Notifications;
using Glas.Web.Platform.Caching;
using Glas.Web.Platform.Jobs;
using Glas.Web.Projects;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Caching;

[Trait("Category", "Unit")]
public class CacheScopesTests
{
    private static readonly Guid Tenant = Guid.Parse("00000000-0000-0000-0000-0000000000aa");

    [Fact]
    public void A_comment_evicts_every_page_of_its_administration()
    {
        CacheScopes.EvictedBy(typeof(Comment), Tenant).ShouldBe([CacheScopes.Tenant(Tenant)]);
        CacheScopes.EvictedBy(typeof(Comment), null).ShouldBe([CacheScopes.All]);
    }

    [Fact]
    public void A_module_evicts_its_own_pages_the_shared_ones_and_those_it_declares()
    {
        CacheScopes.EvictedBy(typeof(Project), Tenant).ShouldBe(
            [CacheScopes.Area(Tenant, "projects"), CacheScopes.Area(Tenant, CacheScope.Shared), CacheScopes.Area(Tenant, "monitoring")], ignoreOrder: true);
        CacheScopes.EvictedBy(typeof(Consultation), null).ShouldContain(CacheScopes.AreaEverywhere("consultations"));
    }

    [Fact]
    public void Personal_and_platform_records_evict_nothing()
    {
        CacheScopes.EvictedBy(typeof(Notification), Tenant).ShouldBeEmpty();
        CacheScopes.EvictedBy(typeof(Job), Tenant).ShouldBeEmpty();
    }

    [Fact]
    public void A_cached_answer_carries_everything_its_administration_and_its_area()
    {
        CacheScopes.TagsOf(Tenant, "projects").ShouldBe([CacheScopes.All, CacheScopes.Tenant(Tenant), CacheScopes.Area(Tenant, "projects"), CacheScopes.AreaEverywhere("projects")]);
    }

    [Theory]
    [InlineData("", "identity")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("gzip;q=1, br;q=0.5", "gzip")]
    [InlineData("deflate", "identity")]
    [InlineData("*;q=0", "identity")]
    public void The_encoding_is_the_one_the_client_prefers_among_those_we_compress(string header, string chosen)
    {
        var context = new DefaultHttpContext();
        if (header.Length > 0)
        {
            context.Request.Headers.AcceptEncoding = header;
        }
        Compression.Chosen(context.Request).ShouldBe(chosen);
    }

    [Theory]
    [InlineData("GET", null, true)]
    [InlineData("HEAD", null, true)]
    [InlineData("POST", null, false)]
    [InlineData("GET", ".Glas.Culture=c%3Den%7Cuic%3Den", true)]
    [InlineData("GET", "glas.af=token", true)]
    [InlineData("GET", "glas.auth=x", false)]
    [InlineData("GET", ".AspNetCore.Mvc.CookieTempDataProvider=x", false)]
    public void Only_anonymous_reads_are_candidates(string method, string? cookie, bool candidate)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = "/consultations";
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = cookie;
        }
        AnonymousPagePolicy.IsCandidate(context).ShouldBe(candidate);
    }
}
