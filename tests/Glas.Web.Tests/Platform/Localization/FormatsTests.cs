using System.Globalization;
using Glas.Web.Platform.Localization;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Localization;

[Trait("Category", "Unit")]
public class FormatsTests
{
    private static readonly CultureInfo Bg = new("bg-BG");
    private static readonly CultureInfo En = new("en");

    [Fact]
    public void Bulgarian_dates_read_21_11_2026_g() =>
        Formats.Date(new DateOnly(2026, 11, 21), Bg).ShouldBe("21.11.2026 г.");

    [Fact]
    public void English_dates_spell_the_month() =>
        Formats.Date(new DateOnly(2026, 11, 21), En).ShouldBe("21 November 2026");

    [Theory]
    [InlineData("59572.80", "59\u00A0572,80")]
    [InlineData("0", "0,00")]
    [InlineData("1234567.891", "1\u00A0234\u00A0567,89")]
    [InlineData("-8675.10", "-8\u00A0675,10")]
    public void Bulgarian_numbers_group_with_a_no_break_space_and_use_a_decimal_comma(string value, string expected) =>
        Formats.Number(decimal.Parse(value, CultureInfo.InvariantCulture), Bg).ShouldBe(expected);

    [Fact]
    public void Times_are_shown_in_Sofia_time()
    {
        // 22:30 UTC on 21 November is 00:30 on 22 November in Sofia (UTC+2 in winter).
        Formats.DateTime(new DateTimeOffset(2026, 11, 21, 22, 30, 0, TimeSpan.Zero), Bg).ShouldBe("22.11.2026 г., 00:30");
    }
}
