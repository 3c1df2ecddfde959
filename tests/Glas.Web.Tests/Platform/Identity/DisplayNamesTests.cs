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

    [Theory]
    [InlineData("Служител (sliven)")]
    [InlineData("служител(ruse-oblast)")]
    [InlineData("Модератор (haskovo)")]
    [InlineData("Administrator (levski)")]
    [InlineData("Official")]
    [InlineData("УЧАСТНИК")]
    [InlineData("Служител на Община Сливен")]
    [InlineData("Staff member of Sliven")]
    [InlineData("Община")]
    [InlineData("Община Бургас")]
    [InlineData("община-сливен")]
    [InlineData("Областна администрация Русе")]
    [InlineData("Кмет")]
    [InlineData("Кмет на Сливен")]
    [InlineData("К.М.Е.Т.")]
    [InlineData("Municipality of Sliven")]
    [InlineData("Mayor of Ruse")]
    [InlineData("MODERATOR!!")]
    [InlineData("  М о д е р а т о р  ")]
    public void Roles_and_administrations_are_reserved(string name) =>
        DisplayNames.Check(name).ShouldBe(DisplayNames.Problem.Reserved);

    [Theory]
    [InlineData("Кметов Иван")] // a surname, not the office
    [InlineData("Иван Общинов")]
    [InlineData("Служителят на месеца е Мария")]
    [InlineData("Official Secrets Fan")]
    public void Names_that_merely_contain_a_reserved_word_pass(string name) =>
        DisplayNames.Check(name).ShouldBe(DisplayNames.Problem.None);

    [Theory]
    [InlineData("Община Сливен", "ОБЩИНА  СЛИВЕН")]
    [InlineData("Мария Иванова", "мария-иванова")]
    [InlineData("Мария Иванова", "Мария, Иванова.")]
    [InlineData("Ера Хорс", "EPA XOPC")] // all-Latin look-alikes of an all-Cyrillic name
    [InlineData("Сара Мос", "Capa Moc")]
    [InlineData("Ivan Petrov", "IVAN  petrov")]
    [InlineData("Ivan", "Ｉｖａｎ")] // full-width letters are folded first
    [InlineData("Sіlvia", "Silvia")] // Cyrillic і
    public void Keys_fold_case_look_alikes_punctuation_and_spacing(string a, string b) =>
        DisplayNames.Key(a).ShouldBe(DisplayNames.Key(b));

    [Fact]
    public void Different_names_have_different_keys()
    {
        DisplayNames.Key("Мария Иванова").ShouldNotBe(DisplayNames.Key("Мария Иванова-Петрова"));
        DisplayNames.Key("Иван").ShouldNotBe(DisplayNames.Key("Ivan"));
    }

    [Fact]
    public void Names_longer_than_80_characters_are_refused() =>
        DisplayNames.Check(new string('я', 81)).ShouldBe(DisplayNames.Problem.Length);

    [Fact]
    public void Whitespace_is_folded() => DisplayNames.Normalise("  Мария \t  Иванова ").ShouldBe("Мария Иванова");
}
