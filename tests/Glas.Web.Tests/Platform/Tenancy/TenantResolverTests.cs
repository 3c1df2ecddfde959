using Glas.Web.Platform.Tenancy;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Tenancy;

[Trait("Category", "Unit")]
public class TenantResolverTests
{
    private static readonly TenantRoute Sliven = new(Guid.NewGuid(), "sliven", ["glas.sliven.bg"], true);
    private static readonly TenantRoute Levski = new(Guid.NewGuid(), "levski", ["glas.levski.bg", "levski.localhost"], false);
    private static readonly TenantRoute[] Both = [Sliven, Levski];

    [Theory]
    [InlineData("glas.levski.bg", "levski")]
    [InlineData("GLAS.Levski.BG:8443", "levski")]
    [InlineData("glas.levski.bg.", "levski")]
    [InlineData("levski.localhost:5080", "levski")]
    [InlineData("glas.sliven.bg", "sliven")]
    [InlineData("unknown.example.org", "sliven")]
    [InlineData("localhost", "sliven")]
    [InlineData("[::1]:5080", "sliven")]
    public void Host_picks_the_tenant_and_unknown_hosts_get_the_default(string host, string expected)
    {
        var r = TenantResolver.Resolve(Both, host, "/rules");
        r.Tenant!.Slug.ShouldBe(expected);
        r.PathBase.ShouldBe("");
        r.Path.ShouldBe("/rules");
    }

    [Theory]
    [InlineData("/t/levski", "/")]
    [InlineData("/t/levski/", "/")]
    [InlineData("/t/LEVSKI/account/login", "/account/login")]
    public void Path_prefix_wins_over_host_and_moves_into_path_base(string path, string rest)
    {
        var r = TenantResolver.Resolve(Both, "glas.sliven.bg", path);
        r.Tenant!.Slug.ShouldBe("levski");
        r.PathBase.ShouldBe("/t/levski");
        r.Path.ShouldBe(rest);
    }

    [Theory]
    [InlineData("/t/nope/")]
    [InlineData("/t/")]
    [InlineData("/t/levski'--/")]
    public void Unknown_slug_is_not_found(string path)
    {
        var r = TenantResolver.Resolve(Both, "localhost", path);
        r.Tenant.ShouldBeNull();
        r.UnknownSlug.ShouldBeTrue();
    }

    [Fact]
    public void Without_a_default_the_first_tenant_serves_unknown_hosts()
    {
        TenantResolver.Resolve([Levski with { IsDefault = false }], "x", "/").Tenant!.Slug.ShouldBe("levski");
        TenantResolver.Resolve([], "x", "/").Tenant.ShouldBeNull();
    }

    [Theory]
    [InlineData("sliven", true)]
    [InlineData("ruse-oblast", true)]
    [InlineData("s", false)]
    [InlineData("-sliven", false)]
    [InlineData("сливен", false)]
    [InlineData("Sliven", false)]
    [InlineData("sli ven", false)]
    public void Slugs_are_lower_case_latin(string slug, bool valid) => TenantResolver.IsValidSlug(slug).ShouldBe(valid);
}
