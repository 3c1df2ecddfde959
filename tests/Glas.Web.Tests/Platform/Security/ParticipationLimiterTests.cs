using System.Net;
using System.Security.Claims;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Security;
using Glas.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Security;

[Trait("Category", "Unit")]
public class ParticipationLimiterTests
{
    private static DefaultHttpContext Request(Guid? user, string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (user is { } id)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id.ToString())], "test"));
        }
        return context;
    }

    [Fact]
    public void One_account_gets_its_writes_per_minute_then_waits_for_the_window()
    {
        var clock = new TestClock();
        var limiter = new ParticipationLimiter(Options.Create(new RateLimitOptions { ParticipationPerMinute = 6, ParticipationPerAddressPerMinute = 30 }), clock);
        var user = Guid.NewGuid();
        for (var i = 0; i < 6; i++)
        {
            limiter.TryAcquire(Request(user, "10.0.0.1")).ShouldBeNull($"write {i + 1}");
        }
        clock.Advance(TimeSpan.FromSeconds(20));
        var wait = limiter.TryAcquire(Request(user, "10.0.0.2")).ShouldNotBeNull();
        wait.ShouldBe(TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(1));
        ParticipationLimiter.Seconds(wait).ShouldBeInRange(40, 41);
        // Another account from the same address is not held back by the first one's limit.
        limiter.TryAcquire(Request(Guid.NewGuid(), "10.0.0.1")).ShouldBeNull();
        clock.Advance(TimeSpan.FromSeconds(41));
        limiter.TryAcquire(Request(user, "10.0.0.1")).ShouldBeNull();
    }

    [Fact]
    public void One_address_gets_its_writes_per_minute_whichever_accounts_make_them()
    {
        var clock = new TestClock();
        var limiter = new ParticipationLimiter(Options.Create(new RateLimitOptions { ParticipationPerMinute = 6, ParticipationPerAddressPerMinute = 30 }), clock);
        for (var i = 0; i < 30; i++)
        {
            limiter.TryAcquire(Request(Guid.NewGuid(), "192.0.2.7")).ShouldBeNull($"write {i + 1}");
        }
        limiter.TryAcquire(Request(Guid.NewGuid(), "192.0.2.7")).ShouldNotBeNull();
        limiter.TryAcquire(Request(Guid.NewGuid(), "192.0.2.8")).ShouldBeNull();
        clock.Advance(TimeSpan.FromMinutes(1));
        limiter.TryAcquire(Request(Guid.NewGuid(), "192.0.2.7")).ShouldBeNull();
    }
}
