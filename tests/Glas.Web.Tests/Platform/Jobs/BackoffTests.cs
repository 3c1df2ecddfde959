using Glas.Web.Platform.Jobs;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Jobs;

[Trait("Category", "Unit")]
public class BackoffTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(6, 960)]
    public void Delay_doubles_with_each_attempt(int attempt, int seconds) =>
        Backoff.After(attempt, TimeSpan.FromSeconds(30)).ShouldBe(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void Delay_is_capped_at_six_hours() =>
        Backoff.After(40, TimeSpan.FromSeconds(30)).ShouldBe(TimeSpan.FromHours(6));
}
