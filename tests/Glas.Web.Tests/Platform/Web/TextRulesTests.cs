using Glas.Web.Platform.Web;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Web;

[Trait("Category", "Unit")]
public class TextRulesTests
{
    [Theory]
    [InlineData("Обикновен текст 🌳", false)]
    [InlineData("Два реда\nс табулация\tи\r\nкрай", false)]
    [InlineData("обратно \u202Eтвърдение", true)]
    [InlineData("вграждане \u202Aляво", true)]
    [InlineData("изолиран \u2066текст\u2069", true)]
    [InlineData("\u2068първи силен", true)]
    [InlineData("нула\0байт", true)]
    [InlineData("звънец\u0007", true)]
    [InlineData("ескейп\u001b[31m", true)]
    public void Participants_text_refuses_control_and_direction_characters(string text, bool unsafeText) =>
        TextRules.HasUnsafeCharacters(text).ShouldBe(unsafeText);

    [Fact]
    public void Texts_that_differ_only_in_whitespace_are_the_same()
    {
        TextRules.SameText("Да се  добави\r\nсрок. ", " Да се добави срок.").ShouldBeTrue();
        TextRules.SameText("Да се добави срок.", "Да се добави срок!").ShouldBeFalse();
        TextRules.SameText("да се добави срок.", "Да се добави срок.").ShouldBeFalse();
    }
}
