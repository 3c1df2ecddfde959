using System.Globalization;
using Glas.Web.Projects;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Projects;

[Trait("Category", "Unit")]
public class ProjectRulesTests
{
    private static readonly CultureInfo Bg = CultureInfo.GetCultureInfo("bg-BG");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    private static ProjectMoney Money(decimal? total = null, decimal? grant = null, decimal? eu = null, decimal? national = null, decimal? own = null, decimal paid = 0, decimal? pct = null) =>
        new(total, grant, eu, national, own, null, null, paid, pct);

    [Fact]
    public void Seed_sums_reconcile()
    {
        Reconciliation.Check(Money(57834.00m, 57834.00m, 49158.90m, 8675.10m)).ShouldBeEmpty();
        Reconciliation.Check(Money(52405.20m, 52405.20m, 44544.42m, 7860.78m)).ShouldBeEmpty();
        Reconciliation.Check(Money(89316.00m, 89316.00m, own: 0.00m, paid: 84004.63m, pct: 85.0m)).ShouldBeEmpty();
        Reconciliation.Check(Money(59572.80m, 59572.80m)).ShouldBeEmpty();
    }

    [Fact]
    public void Eu_plus_national_must_equal_the_grant_to_the_cent()
    {
        var problem = Reconciliation.Check(Money(grant: 57834.00m, eu: 49158.90m, national: 8675.09m)).ShouldHaveSingleItem();
        problem.Kind.ShouldBe(MoneyProblemKind.EuPlusNationalIsNotGrant);
        problem.Left.ShouldBe(57833.99m);
        problem.Right.ShouldBe(57834.00m);
        problem.Overridable.ShouldBeTrue();
    }

    [Fact]
    public void Grant_plus_own_cofinancing_must_equal_the_total()
    {
        var problem = Reconciliation.Check(Money(total: 100000.00m, grant: 90000.00m, own: 9000.00m)).ShouldHaveSingleItem();
        problem.Kind.ShouldBe(MoneyProblemKind.GrantPlusOwnIsNotTotal);
        (problem.A, problem.B, problem.Left, problem.Right).ShouldBe((90000.00m, 9000.00m, 99000.00m, 100000.00m));
    }

    [Fact]
    public void Sums_are_only_checked_where_every_part_is_given()
    {
        Reconciliation.Check(Money(total: 100m, grant: 90m)).ShouldBeEmpty();
        Reconciliation.Check(Money(grant: 90m, eu: 80m)).ShouldBeEmpty();
        Reconciliation.Check(Money()).ShouldBeEmpty();
    }

    [Fact]
    public void Paid_may_reach_but_not_exceed_the_total()
    {
        Reconciliation.Check(Money(total: 100m, paid: 100m)).ShouldBeEmpty();
        Reconciliation.Check(Money(total: 100m, paid: 100.01m)).ShouldHaveSingleItem().Kind.ShouldBe(MoneyProblemKind.PaidOverTotal);
    }

    [Fact]
    public void Negative_amounts_fractions_of_a_cent_and_bad_percentages_are_never_overridable()
    {
        var negative = Reconciliation.Check(Money(total: -1m)).ShouldHaveSingleItem();
        negative.Kind.ShouldBe(MoneyProblemKind.Negative);
        negative.Overridable.ShouldBeFalse();
        Reconciliation.Check(Money(grant: 10.005m)).ShouldHaveSingleItem().Kind.ShouldBe(MoneyProblemKind.FractionOfCent);
        Reconciliation.Check(Money(pct: 100.5m)).ShouldHaveSingleItem().Kind.ShouldBe(MoneyProblemKind.PercentOutOfRange);
        Reconciliation.Check(Money(paid: -0.01m)).ShouldHaveSingleItem().Overridable.ShouldBeFalse();
    }

    [Fact]
    public void Dates_must_be_in_order()
    {
        Reconciliation.CheckDates(new(2022, 8, 11), new(2022, 8, 11), new(2023, 12, 31), null, null).ShouldBeEmpty();
        Reconciliation.CheckDates(null, new(2023, 1, 2), new(2023, 1, 1), null, null).ShouldHaveSingleItem().Kind.ShouldBe(DateProblemKind.StartAfterEnd);
        Reconciliation.CheckDates(new(2024, 1, 1), null, new(2023, 1, 1), null, null).ShouldHaveSingleItem().Kind.ShouldBe(DateProblemKind.ContractAfterEnd);
        Reconciliation.CheckDates(null, null, null, 2023, 2022).ShouldHaveSingleItem().Kind.ShouldBe(DateProblemKind.FirstYearAfterLastYear);
        Reconciliation.CheckDates(null, null, null, 1066, null).ShouldHaveSingleItem().Kind.ShouldBe(DateProblemKind.YearOutOfRange);
    }

    [Fact]
    public void Dates_outside_1990_to_2100_are_refused_field_by_field()
    {
        Reconciliation.CheckDates(new(1990, 1, 1), new(1990, 1, 1), new(2100, 12, 31), null, null).ShouldBeEmpty();
        Reconciliation.CheckDates(DateOnly.MinValue, null, null, null, null).ShouldHaveSingleItem().ShouldBe(new DateProblem(DateProblemKind.DateOutOfRange, "ContractDate"));
        Reconciliation.CheckDates(null, new(1989, 12, 31), null, null, null).ShouldHaveSingleItem().ShouldBe(new DateProblem(DateProblemKind.DateOutOfRange, "StartDate"));
        Reconciliation.CheckDates(null, null, DateOnly.MaxValue, null, null).ShouldHaveSingleItem().ShouldBe(new DateProblem(DateProblemKind.DateOutOfRange, "EndDate"));
        Reconciliation.CheckDates(null, null, null, 1, 9999).Select(p => p.Kind).ShouldBe([DateProblemKind.YearOutOfRange, DateProblemKind.YearOutOfRange]);
    }

    [Fact]
    public void Payments_are_dated_from_1990_to_a_year_ahead()
    {
        var today = new DateOnly(2026, 11, 25);
        Reconciliation.PaymentDateInRange(new(1990, 1, 1), today).ShouldBeTrue();
        Reconciliation.PaymentDateInRange(new(2027, 11, 25), today).ShouldBeTrue();
        Reconciliation.PaymentDateInRange(new(1989, 12, 31), today).ShouldBeFalse();
        Reconciliation.PaymentDateInRange(new(2027, 11, 26), today).ShouldBeFalse();
        Reconciliation.PaymentDateInRange(new(2999, 1, 1), today).ShouldBeFalse();
    }

    [Fact]
    public void Years_come_from_the_dates_when_known()
    {
        Reconciliation.Years(new(2018, 12, 14), new(2020, 12, 14), null, null).ShouldBe((2018, 2020));
        Reconciliation.Years(null, null, 2022, 2023).ShouldBe((2022, 2023));
        Reconciliation.Years(null, new(2023, 12, 31), null, null).ShouldBe((2023, 2023));
    }

    [Theory]
    [InlineData("59572.80", "30459.09")]
    [InlineData("1.95583", "1.00")]
    [InlineData("0.01", "0.01")] // 0.0051… rounds up to a cent
    [InlineData("89316.00", "45666.55")]
    [InlineData("57834.00", "29570.05")]
    public void Leva_convert_to_euro_at_the_fixed_rate_rounded_half_away_from_zero(string bgn, string eur) =>
        Currencies.ToEur(decimal.Parse(bgn, CultureInfo.InvariantCulture), Currency.BGN).ShouldBe(decimal.Parse(eur, CultureInfo.InvariantCulture));

    [Fact]
    public void Euro_convert_to_leva_and_same_currency_is_unchanged()
    {
        Currencies.ToBgn(30459.09m, Currency.EUR).ShouldBe(59572.80m);
        Currencies.ToBgn(1m, Currency.EUR).ShouldBe(1.96m);
        Currencies.ToEur(10.00m, Currency.EUR).ShouldBe(10.00m);
        Currencies.ToBgn(10.00m, Currency.BGN).ShouldBe(10.00m);
        Currencies.Convert(0.005m * 1.95583m, Currency.BGN, Currency.EUR).ShouldBe(0.01m);
    }

    [Fact]
    public void Money_is_written_the_Bulgarian_way_with_no_break_spaces()
    {
        MoneyFormat.Format(59572.80m, Currency.BGN, Bg).ShouldBe("59\u00A0572,80\u00A0лв.");
        MoneyFormat.Format(30459.09m, Currency.EUR, Bg).ShouldBe("30\u00A0459,09\u00A0€");
        MoneyFormat.Format(0m, Currency.BGN, Bg).ShouldBe("0,00\u00A0лв.");
        MoneyFormat.Format(1234567.5m, Currency.EUR, Bg).ShouldBe("1\u00A0234\u00A0567,50\u00A0€");
        MoneyFormat.Both(59572.80m, Currency.BGN, Bg).ShouldBe("59\u00A0572,80\u00A0лв. (30\u00A0459,09\u00A0€)");
        MoneyFormat.Percent(85.0m, Bg).ShouldBe("85,0\u00A0%");
    }

    [Fact]
    public void Money_in_English()
    {
        MoneyFormat.Format(59572.80m, Currency.BGN, En).ShouldBe("BGN\u00A059,572.80");
        MoneyFormat.Format(30459.09m, Currency.EUR, En).ShouldBe("€30,459.09");
        MoneyFormat.Percent(85.0m, En).ShouldBe("85.0\u00A0%");
    }

    [Theory]
    [InlineData("59 572,80", "59572.80")]
    [InlineData("59\u00A0572,80 лв.", "59572.80")]
    [InlineData("59572.80", "59572.80")]
    [InlineData("59,572.80", "59572.80")]
    [InlineData("59.572,80", "59572.80")]
    [InlineData("1,234,567", "1234567")]
    [InlineData("30 459,09 €", "30459.09")]
    [InlineData("-5", "-5")]
    [InlineData("0,1", "0.1")]
    [InlineData("12,34", "12.34")]
    public void Typed_amounts_are_read_exactly(string typed, string expected)
    {
        MoneyInput.TryParse(typed, out var value).ShouldBeTrue();
        value.ShouldBe(decimal.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1e5")]
    [InlineData("12,34,56.7.8")]
    [InlineData("1234567890123456789012345678901234")]
    [InlineData("<script>")]
    [InlineData("1,2345.00")]
    public void Garbage_is_not_an_amount(string typed) => MoneyInput.TryParse(typed, out _).ShouldBeFalse();

    [Fact]
    public void Empty_is_no_amount()
    {
        MoneyInput.TryParse("  ", out var value).ShouldBeTrue();
        value.ShouldBeNull();
    }

    [Theory]
    [InlineData("Приключен", ProjectStatus.Completed)]
    [InlineData("Приключил проект", ProjectStatus.Completed)]
    [InlineData("В изпълнение", ProjectStatus.InProgress)]
    [InlineData("Прекратен", ProjectStatus.Terminated)]
    [InlineData("Сключен договор", ProjectStatus.ContractSigned)]
    [InlineData("Одобрен", ProjectStatus.Approved)]
    [InlineData("Подадено проектно предложение", ProjectStatus.ProposalSubmitted)]
    [InlineData("Completed", ProjectStatus.Completed)]
    public void Isun_statuses_map(string text, ProjectStatus status) => IsunFormat.ParseStatus(text).ShouldBe(status);

    [Theory]
    [InlineData("3")]
    [InlineData("Неизвестен")]
    [InlineData("")]
    public void Unknown_statuses_do_not_map(string text) => IsunFormat.ParseStatus(text).ShouldBeNull();

    [Fact]
    public void Paid_percent_is_clamped_and_floored()
    {
        Reconciliation.PaidPercent(84004.63m, 89316.00m).ShouldBe(94);
        Reconciliation.PaidPercent(200m, 100m).ShouldBe(100);
        Reconciliation.PaidPercent(5m, null).ShouldBe(0);
        Reconciliation.PaidPercent(5m, 0m).ShouldBe(0);
    }

    [Fact]
    public void Organisation_names_are_one_key_regardless_of_case_and_spacing()
    {
        OrganisationNames.Normalize("Община  левски ").ShouldBe(OrganisationNames.Normalize("ОБЩИНА ЛЕВСКИ"));
        OrganisationNames.Clean("  Община   Левски ").ShouldBe("Община Левски");
        // A Latin "O" is a different organisation, not silently merged with the Cyrillic one.
        OrganisationNames.Normalize("Oбщина Левски").ShouldNotBe(OrganisationNames.Normalize("Община Левски"));
    }

    [Fact]
    public void Control_and_bidi_characters_are_caught()
    {
        ProjectEditor.HasControlCharacters("ред 1\nред 2\tс табулация").ShouldBeFalse();
        ProjectEditor.HasControlCharacters("evil\u202Etxt.exe").ShouldBeTrue();
        ProjectEditor.HasControlCharacters("nul\0").ShouldBeTrue();
        ProjectEditor.HasControlCharacters("емоджи 🎉").ShouldBeFalse();
    }

    [Fact]
    public void Csv_reads_quotes_commas_and_line_breaks_and_writes_them_back()
    {
        var line = ProjectsCsv.Line(["a,b", "say \"hi\"", "two\nlines", null, "plain"]);
        line.ShouldBe("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,plain\r\n");
        var rows = CsvRows.Read(new StringReader(line + "x,y,z,,w")).ToList();
        rows.Count.ShouldBe(2);
        rows[0].ShouldBe(["a,b", "say \"hi\"", "two\nlines", "", "plain"]);
        rows[1].ShouldBe(["x", "y", "z", "", "w"]);
        Should.Throw<FormatException>(() => CsvRows.Read(new StringReader("\"open,quote")).ToList());
    }

    [Fact]
    public void Csv_partners_carry_their_eik()
    {
        var partners = ProjectsCsv.ParsePartners("Община Левски [000413728]; Сдружение „Без граници“");
        partners.ShouldBe([new PartnerInput("Община Левски", "000413728"), new PartnerInput("Сдружение „Без граници“")]);
    }
}
