using System.Globalization;
using System.Text;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.OpenData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Projects;

/// <summary>
/// The register as open data, its columns declared once for CSV and XLSX: one row per project,
/// amounts as numbers in the project's currency, dates as dates (yyyy-MM-dd in CSV), partners as
/// "Name [ЕИК]; …". The CSV is also the import format.
/// </summary>
public static class ProjectsCsv
{
    private static Platform.OpenData.Money? M(Project p, decimal? amount) => amount is { } a ? new Platform.OpenData.Money(a, p.Currency.ToString()) : null;

    public static readonly TableExport<Project> Table = new("Projects",
    [
        ExportColumn.Of<Project>("code", "Project code in ИСУН (e.g. BG16RFOP001-1.001-0001), unique in the register.", p => p.Code),
        ExportColumn.Of<Project>("title", "Project title.", p => p.Title),
        ExportColumn.Of<Project>("status", "Status: " + string.Join(", ", System.Enum.GetNames<ProjectStatus>()) + ".", p => p.Status.ToString()),
        ExportColumn.Of<Project>("role", "The administration's role: " + string.Join(", ", System.Enum.GetNames<AdministrationRole>()) + ".", p => p.Role.ToString()),
        ExportColumn.Of<Project>("programme", "Operational programme.", p => p.Programme),
        ExportColumn.Of<Project>("programme_funding", "Fund(s) of the programme.", p => p.ProgrammeFunding),
        ExportColumn.Of<Project>("priority_axis", "Priority axis.", p => p.PriorityAxis),
        ExportColumn.Of<Project>("procedure_code", "Procedure code.", p => p.ProcedureCode),
        ExportColumn.Of<Project>("procedure_name", "Procedure name.", p => p.ProcedureName),
        ExportColumn.Of<Project>("contract_number", "Contract number.", p => p.ContractNumber),
        ExportColumn.Of<Project>("contract_date", "Contract date (ISO 8601 date).", p => p.ContractDate),
        ExportColumn.Of<Project>("start_date", "Start date (ISO 8601 date).", p => p.StartDate),
        ExportColumn.Of<Project>("end_date", "End date (ISO 8601 date).", p => p.EndDate),
        ExportColumn.Of<Project>("first_year", "First year of the project (integer).", p => p.FirstYear),
        ExportColumn.Of<Project>("last_year", "Last year of the project (integer).", p => p.LastYear),
        ExportColumn.Of<Project>("currency", "Currency of every amount in the row: " + string.Join(", ", System.Enum.GetNames<Currency>()) + ".", p => p.Currency.ToString()),
        ExportColumn.Of<Project>("total_value", "Total value (decimal point).", p => M(p, p.TotalValue)),
        ExportColumn.Of<Project>("grant", "Grant (decimal point).", p => M(p, p.Grant)),
        ExportColumn.Of<Project>("grant_eu", "EU part of the grant (decimal point).", p => M(p, p.GrantEu)),
        ExportColumn.Of<Project>("grant_national", "National part of the grant (decimal point).", p => M(p, p.GrantNational)),
        ExportColumn.Of<Project>("own_cofinancing", "Own co-financing (decimal point).", p => M(p, p.OwnCofinancing)),
        ExportColumn.Of<Project>("own_contribution", "Own contribution (decimal point).", p => M(p, p.OwnContribution)),
        ExportColumn.Of<Project>("own_budget_spent", "Spent from the administration's own budget (decimal point).", p => M(p, p.OwnBudgetSpent)),
        ExportColumn.Of<Project>("eu_share_percent", "EU share in percent (decimal point).", p => p.EuSharePercent),
        ExportColumn.Of<Project>("paid", "Paid so far (decimal point).", p => M(p, p.PaidTotal)),
        ExportColumn.Of<Project>("lead_organisation", "Lead organisation.", p => p.LeadOrganisation?.Name),
        ExportColumn.Of<Project>("lead_organisation_eik", "ЕИК of the lead organisation.", p => p.LeadOrganisation?.Eik),
        ExportColumn.Of<Project>("partners", "Partners as \"Name [ЕИК]; …\".",
            p => string.Join("; ", p.Partners.OrderBy(x => x.Position).Select(x => x.Organisation!.Name + (x.Organisation.Eik is { } eik ? $" [{eik}]" : "")))),
        ExportColumn.Of<Project>("place_of_execution", "Place of execution.", p => p.PlaceOfExecution),
        ExportColumn.Of<Project>("isun_url", "Address of the project in ИСУН.", p => p.IsunUrl),
    ]);

    public static IReadOnlyList<string> Columns => Table.Header;

    /// <summary>Every project of the tenant, in a stable order.</summary>
    public static IQueryable<Project> Query(GlasDbContext db) =>
        db.Projects.AsNoTracking().Include(p => p.LeadOrganisation).Include(p => p.Partners).ThenInclude(x => x.Organisation)
            .OrderBy(p => p.Code).ThenBy(p => p.Title).ThenBy(p => p.Id).AsSplitQuery();

    public static Task WriteAsync(GlasDbContext db, Stream output, CancellationToken ct) =>
        Table.WriteCsvAsync(output, Query(db).AsAsyncEnumerable(), ct);

    /// <summary>Reads a CSV written by <see cref="WriteAsync"/>; throws <see cref="ImportRefusedException"/> when it is not one.</summary>
    public static List<ImportRecord> Read(Stream input, IStringLocalizer t)
    {
        using var text = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var records = new List<ImportRecord>();
        try
        {
            string[]? header = null;
            var number = 0;
            foreach (var row in CsvRows.Read(text))
            {
                if (header is null)
                {
                    header = row.Select(h => h.Trim()).ToArray();
                    var missing = new[] { "code", "title" }.Where(c => !header.Contains(c)).ToList();
                    var unknown = header.Where(h => !Columns.Contains(h)).ToList();
                    if (missing.Count > 0 || unknown.Count > 0 || header.Distinct().Count() != header.Length)
                    {
                        throw new ImportRefusedException(t["Import.CsvHeader", string.Join(", ", missing.Count > 0 ? missing : unknown)]);
                    }
                    continue;
                }
                number++;
                if (number > IsunFormat.MaxProjects)
                {
                    throw new ImportRefusedException(t["Import.TooMany", IsunFormat.MaxProjects]);
                }
                if (row.Length != header.Length)
                {
                    records.Add(new(number, null, null, t["Import.CsvFields", header.Length, row.Length]));
                    continue;
                }
                records.Add(ReadRow(row, header, number, t));
            }
            if (header is null)
            {
                throw new ImportRefusedException(t["Import.CsvHeader", "code, title"]);
            }
        }
        catch (FormatException ex)
        {
            throw new ImportRefusedException(t["Import.CsvBroken", ex.Message]);
        }
        return records;
    }

    private static ImportRecord ReadRow(string[] row, string[] header, int number, IStringLocalizer t)
    {
        string? F(string name) => Array.IndexOf(header, name) is var i and >= 0 ? Unquote(ProjectEditor.Clean(row[i])) : null;
        var code = F("code");
        try
        {
            var paid = Dec(F("paid"), "paid");
            return new(number, code, new ProjectInput
            {
                Code = code,
                Title = F("title"),
                Status = Enum<ProjectStatus>(F("status"), "status") ?? ProjectStatus.InProgress,
                Role = Enum<AdministrationRole>(F("role"), "role") ?? AdministrationRole.Beneficiary,
                Programme = F("programme"),
                ProgrammeFunding = F("programme_funding"),
                PriorityAxis = F("priority_axis"),
                ProcedureCode = F("procedure_code"),
                ProcedureName = F("procedure_name"),
                ContractNumber = F("contract_number"),
                ContractDate = Date(F("contract_date"), "contract_date"),
                StartDate = Date(F("start_date"), "start_date"),
                EndDate = Date(F("end_date"), "end_date"),
                FirstYear = Int(F("first_year"), "first_year"),
                LastYear = Int(F("last_year"), "last_year"),
                Currency = Enum<Currency>(F("currency"), "currency") ?? Currency.BGN,
                TotalValue = Dec(F("total_value"), "total_value"),
                Grant = Dec(F("grant"), "grant"),
                GrantEu = Dec(F("grant_eu"), "grant_eu"),
                GrantNational = Dec(F("grant_national"), "grant_national"),
                OwnCofinancing = Dec(F("own_cofinancing"), "own_cofinancing"),
                OwnContribution = Dec(F("own_contribution"), "own_contribution"),
                OwnBudgetSpent = Dec(F("own_budget_spent"), "own_budget_spent"),
                EuSharePercent = Dec(F("eu_share_percent"), "eu_share_percent"),
                Payments = paid is > 0 ? [new PaymentInput(paid.Value)] : [],
                LeadOrganisation = F("lead_organisation"),
                LeadOrganisationEik = F("lead_organisation_eik"),
                Partners = ParsePartners(F("partners")),
                PlaceOfExecution = F("place_of_execution"),
                IsunUrl = F("isun_url"),
            }, null);
        }
        catch (FormatException ex)
        {
            return new(number, code, null, t["Import.BadValue", ex.Message]);
        }
    }

    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(f => Platform.OpenData.Csv.Cell(f ?? ""))) + "\r\n";

    /// <summary>Undoes the apostrophe that export puts before formula-like text.</summary>
    private static string? Unquote(string? s) => s is { Length: > 1 } && s[0] == '\'' && "=+-@\t\r".Contains(s[1], StringComparison.Ordinal) ? s[1..] : s;

    public static List<PartnerInput> ParsePartners(string? s) =>
        (s ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
        {
            var open = part.LastIndexOf('[');
            return open > 0 && part.EndsWith(']') ? new PartnerInput(part[..open].Trim(), part[(open + 1)..^1].Trim()) : new PartnerInput(part);
        }).ToList();

    private static decimal? Dec(string? s, string field) =>
        s is null ? null : decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) ? d : throw new FormatException(field);

    private static int? Int(string? s, string field) =>
        s is null ? null : int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : throw new FormatException(field);

    private static DateOnly? Date(string? s, string field) =>
        s is null ? null : DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw new FormatException(field);

    private static T? Enum<T>(string? s, string field) where T : struct, System.Enum =>
        s is null ? null : System.Enum.TryParse<T>(s, false, out var v) && System.Enum.IsDefined(v) && !s.Any(char.IsDigit) ? v : throw new FormatException(field);
}
