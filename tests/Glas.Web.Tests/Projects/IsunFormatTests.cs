using System.Text;
using Glas.Web.Projects;
using Microsoft.Extensions.Localization;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Projects;

/// <summary>Reading ИСУН files: shape errors refuse the file, bad records are reported one by one.</summary>
[Trait("Category", "Unit")]
public class IsunFormatTests
{
    /// <summary>Returns the key and its arguments, so the tests see which message was chosen.</summary>
    private sealed class KeyLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, name + "|" + string.Join("|", arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private static readonly KeyLocalizer T = new();

    private static FileStream Sample(string name) => File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Projects", "Samples", name));

    private static MemoryStream Json(string s) => new(Encoding.UTF8.GetBytes(s));

    [Fact]
    public void A_good_file_reads_exactly()
    {
        using var file = Sample("isun-good.json");
        var records = IsunFormat.Read(file, T);
        records.Count.ShouldBe(3);
        records.ShouldAllBe(r => r.Problem == null);
        var first = records[0].Input!;
        first.Code.ShouldBe("BG05SFOP001-2.025-0101");
        first.TotalValue.ShouldBe(120000.50m);
        first.Payments!.Select(p => p.Amount).ShouldBe([60000.25m, 40000.00m]);
        first.LeadOrganisation.ShouldBe("Община Сливен");
        first.LeadOrganisationEik.ShouldBe("000590050");
        first.StartDate.ShouldBe(new DateOnly(2020, 3, 1));
        first.Status.ShouldBe(ProjectStatus.Completed);
        first.Currency.ShouldBe(Currency.BGN);
        first.PlaceOfExecution.ShouldBe("Сливен, Ямбол");
        // Started after the changeover: euro.
        records[2].Input!.Currency.ShouldBe(Currency.EUR);
    }

    [Fact]
    public void Bad_records_are_reported_with_their_reason()
    {
        using var file = Sample("isun-partial.json");
        var records = IsunFormat.Read(file, T);
        records.Count.ShouldBe(6);
        records[4].Problem.ShouldBe("Import.UnknownEntity|E-404");
        records[5].Problem.ShouldBe("Import.NoCode");
        records.Take(4).ShouldAllBe(r => r.Input != null);
    }

    [Theory]
    [InlineData("isun-malformed.json", "Import.NotJson")]
    [InlineData("isun-truncated.json", "Import.CountMismatch")]
    public void Malformed_files_are_refused_whole(string sample, string key)
    {
        using var file = Sample(sample);
        Should.Throw<ImportRefusedException>(() => IsunFormat.Read(file, T)).Message.ShouldStartWith(key);
    }

    [Theory]
    [InlineData("[]", "Import.NoProjects")]
    [InlineData("{\"projects\": {}}", "Import.NoProjects")]
    [InlineData("{\"projects\": [42]}", "Import.BadProject")]
    [InlineData("{\"projects\": [], \"entities\": \"x\"}", "Import.BadEntities")]
    [InlineData("{\"projects\": [], \"totalProjects\": \"0\"}", "Import.CountMismatch")]
    [InlineData("", "Import.NotJson")]
    [InlineData("{\"projects\": [ {\"a\": [[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]} ]}", "Import.NotJson")]
    public void Wrong_shapes_are_refused(string json, string key) =>
        Should.Throw<ImportRefusedException>(() => IsunFormat.Read(Json(json), T)).Message.ShouldStartWith(key);

    [Theory]
    [InlineData("\"totalValue\": \"много\"", "Import.BadValue|totalValue")]
    [InlineData("\"totalValue\": 1, \"initialDate\": \"вчера\"", "Import.BadValue|initialDate")]
    [InlineData("\"totalValue\": 1, \"actuallyPaidAmounts\": 5", "Import.BadValue|actuallyPaidAmounts")]
    [InlineData("\"totalValue\": 1, \"status\": \"Изгубен\"", "Import.BadStatus|Изгубен")]
    [InlineData("\"totalValue\": 1, \"currency\": \"USD\"", "Import.BadValue|currency")]
    public void Wrong_values_reject_only_their_project(string fields, string problem)
    {
        var records = IsunFormat.Read(Json($"{{\"projects\": [{{\"id\": \"X-1\", \"name\": \"Проект\", {fields}}}, {{\"id\": \"X-2\", \"name\": \"Добър\"}}]}}"), T);
        records[0].Problem.ShouldBe(problem);
        records[1].Problem.ShouldBeNull();
    }

    [Fact]
    public void Amounts_are_exact_decimals_not_doubles()
    {
        var records = IsunFormat.Read(Json("{\"projects\": [{\"id\": \"X-1\", \"name\": \"П\", \"totalValue\": 0.1, \"actuallyPaidAmounts\": [{\"value\": 0.2}]}]}"), T);
        (records[0].Input!.TotalValue + records[0].Input!.Payments![0].Amount).ShouldBe(0.3m);
    }
}
