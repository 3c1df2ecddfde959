using Glas.Web.Platform.Identity;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Identity;

[Trait("Category", "Unit")]
public class DisplayNamesTests
{
    [Theory]
    [InlineData("Мария Иванова")]
    [InlineData("Maria Ivanova")]
    [InlineData("Сдружение „Без граници“")]
    [InlineData("Иван 🌳 Петров")]
    [InlineData("👨‍👩‍👧 семейство")]
    [InlineData("O'Brien-Смит Иван")]
    [InlineData("<script>alert(1)</script>")] // stored as text, encoded on output
    public void Ordinary_names_pass(string name) => DisplayNames.Check(name).ShouldBe(DisplayNames.Problem.None);

    [Theory]
    [InlineData("А", DisplayNames.Problem.Length)]
    [InlineData("   ", DisplayNames.Problem.Length)]
    [InlineData("Иван\u200BПетров", DisplayNames.Problem.Characters)]
    [InlineData("Иван\u202EвонатеП", DisplayNames.Problem.Characters)]
    [InlineData("Ivan\u0000", DisplayNames.Problem.Characters)]
    [InlineData("Aдминистратор", DisplayNames.Problem.MixedScripts)] // Latin A
    [InlineData("Mария", DisplayNames.Problem.MixedScripts)] // Latin M
    [InlineData("Ivаn", DisplayNames.Problem.MixedScripts)] // Cyrillic а
    [InlineData("Анонимно", DisplayNames.Problem.Reserved)]
    [InlineData("  изтрит   потребител ", DisplayNames.Problem.Reserved)]
    [InlineData("ADMINISTRATOR", DisplayNames.Problem.Reserved)]
    public void Spoofing_and_invisible_characters_are_refused(string name, DisplayNames.Problem problem) =>
        DisplayNames.Check(name).ShouldBe(problem);

    [Fact]
    public void Names_longer_than_80_characters_are_refused() =>
        DisplayNames.Check(new string('я', 81)).ShouldBe(DisplayNames.Problem.Length);

    [Fact]
    public void Whitespace_is_folded() => DisplayNames.Normalise("  Мария \t  Иванова ").ShouldBe("Мария Иванова");
}
