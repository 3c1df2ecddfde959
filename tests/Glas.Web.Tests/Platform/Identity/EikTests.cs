using Glas.Web.Platform.Identity;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Identity;

[Trait("Category", "Unit")]
public class EikTests
{
    [Theory]
    [InlineData("000000000")]
    [InlineData("123456786")] // 1·1+2·2+…+8·8 = 204; 204 mod 11 = 6
    [InlineData("1234567860001")] // branch part: 6·2+0·7+0·3+0·5 = 12; 12 mod 11 = 1
    public void Valid_numbers_pass(string eik)
    {
        Eik.IsValid(eik).ShouldBeTrue();
    }

    [Theory]
    [InlineData("123456789")]
    [InlineData("12345678")]
    [InlineData("1234567890")]
    [InlineData("12345678a")]
    [InlineData("１２３４５６７８６")] // full-width digits are not ASCII digits
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1234567860007")]
    [InlineData("123456786'; DROP TABLE x;--")]
    public void Invalid_numbers_fail(string? eik)
    {
        Eik.IsValid(eik).ShouldBeFalse();
    }

    [Fact]
    public void The_fallback_weights_apply_when_the_first_remainder_is_ten()
    {
        // 0,1,0,0,0,0,0,1 with weights 1..8: 2 + 8 = 10, so weights 3..10 decide: 4 + 10 = 14; 14 mod 11 = 3.
        Eik.IsValid("010000013").ShouldBeTrue();
        Eik.IsValid("010000010").ShouldBeFalse();
    }
}
