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

    private static readonly HashSet<string> Installation = ["glas.example.bg", "localhost", "127.0.0.1", "[::1]"];

    private static TenantResolution Resolve(IReadOnlyList<TenantRoute> tenants, string host, string path, bool fallback = false) =>
        TenantResolver.Resolve(tenants, Installation, fallback, host, path);

    [Theory]
    [InlineData("glas.levski.bg", "levski")]
    [InlineData("GLAS.Levski.BG:8443", "levski")]
    [InlineData("glas.levski.bg.", "levski")]
    [InlineData("levski.localhost:5080", "levski")]
    [InlineData("glas.sliven.bg", "sliven")]
    [InlineData("glas.example.bg", "sliven")]
    [InlineData("localhost", "sliven")]
    [InlineData("[::1]:5080", "sliven")]
    public void Host_picks_the_tenant_and_the_installation_names_get_the_default(string host, string expected)
    {
        var r = Resolve(Both, host, "/rules");
        r.Tenant!.Slug.ShouldBe(expected);
        r.PathBase.ShouldBe("");
        r.Path.ShouldBe("/rules");
    }

    [Theory]
    [InlineData("evil.example", "/account/forgot-password")]
    [InlineData("evil.example:5080", "/")]
    [InlineData("glas.sliven.bg.evil.example", "/t/levski/")]
    [InlineData("localhost.evil.example", "/")]
    [InlineData("", "/")]
    public void A_host_nobody_claims_is_refused_even_with_a_tenant_prefix(string host, string path)
    {
        var r = Resolve(Both, host, path);
        r.Tenant.ShouldBeNull();
        r.Miss.ShouldBe(TenantMiss.UnknownHost);
    }

    [Fact]
    public void Unknown_hosts_reach_the_default_tenant_only_when_configured_so() =>
        Resolve(Both, "evil.example", "/", fallback: true).Tenant!.Slug.ShouldBe("sliven");

    [Theory]
    [InlineData("/t/levski", "/")]
    [InlineData("/t/levski/", "/")]
    [InlineData("/t/LEVSKI/account/login", "/account/login")]
    public void Path_prefix_wins_over_host_and_moves_into_path_base(string path, string rest)
    {
        var r = Resolve(Both, "glas.sliven.bg", path);
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
        var r = Resolve(Both, "localhost", path);
        r.Tenant.ShouldBeNull();
        r.Miss.ShouldBe(TenantMiss.UnknownSlug);
    }

    [Fact]
    public void Without_a_default_the_first_tenant_serves_the_installation_names()
    {
        Resolve([Levski with { IsDefault = false }], "localhost", "/").Tenant!.Slug.ShouldBe("levski");
        Resolve([], "localhost", "/").Tenant.ShouldBeNull();
    }

    [Theory]
    [InlineData("Глас.Сливен.бг", "xn--80afyz.xn--b1aghlnt.xn--90ae")]
    [InlineData("GLAS.Sliven.BG.:443", "glas.sliven.bg")]
    [InlineData("[::1]:5080", "[::1]")]
    public void Host_names_are_normalised_to_lower_case_ascii_without_port_or_trailing_dot(string raw, string normalised) =>
        TenantResolver.NormaliseHost(raw).ShouldBe(normalised);

    [Theory]
    [InlineData("glas.sliven.bg", true)]
    [InlineData("xn--80afyz.xn--b1aghlnt.xn--90ae", true)]
    [InlineData("localhost", true)]
    [InlineData("/\\evil.example", false)]
    [InlineData("evil.example/x", false)]
    [InlineData("-bad.example", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("a b.example", false)]
    public void Only_dns_names_are_valid_host_names(string host, bool valid) => TenantResolver.IsValidHostName(host).ShouldBe(valid);

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
