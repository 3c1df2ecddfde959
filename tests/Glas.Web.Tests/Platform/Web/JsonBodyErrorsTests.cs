using Glas.Web.Platform.Web;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Web;

[Trait("Category", "Unit")]
public class JsonBodyErrorsTests
{
    [Theory]
    [InlineData("$.status", "status")]
    [InlineData("$.payments[0].paidOn", "payments[0].paidOn")]
    [InlineData("$['odd name']", "$['odd name']")]
    [InlineData("$", "$")]
    [InlineData("", "$")]
    [InlineData(null, "$")]
    public void Errors_are_keyed_like_the_other_validation_errors(string? path, string field) =>
        JsonBodyErrors.Field(path).ShouldBe(field);
}
