using System.Globalization;
using System.Text;
using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Projects;

/// <summary>
/// The register as CSV (UTF-8 with BOM, so spreadsheet programs read Cyrillic): one row per
/// project, amounts with a decimal point, dates as yyyy-MM-dd, partners as "Name [ЕИК]; …".
/// </summary>
public static class ProjectsCsv
{
    public static readonly string[] Columns =
    [
        "code", "title", "status", "role", "programme", "programme_funding", "priority_axis", "procedure_code", "procedure_name",
        "contract_number", "contract_date", "start_date", "end_date", "first_year", "last_year", "currency",
        "total_value", "grant", "grant_eu", "grant_national", "own_cofinancing", "own_contribution", "own_budget_spent", "eu_share_percent", "paid",
        "lead_organisation", "lead_organisation_eik", "partners", "place_of_execution", "isun_url",
    ];

    public static async Task WriteAsync(GlasDbContext db, Stream output, CancellationToken ct)
    {
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await text.WriteAsync(Line(Columns));
        var projects = db.Projects.AsNoTracking().Include(p => p.LeadOrganisation).Include(p => p.Partners).ThenInclude(x => x.Organisation)
            .OrderBy(p => p.Code).ThenBy(p => p.Title).ThenBy(p => p.Id).AsSplitQuery().AsAsyncEnumerable();
        await foreach (var p in projects.WithCancellation(ct))
        {
            string?[] row =
            [
                p.Code, p.Title, p.Status.ToString(), p.Role.ToString(), p.Programme, p.ProgrammeFunding, p.PriorityAxis, p.ProcedureCode, p.ProcedureName,
                p.ContractNumber, ProjectEditor.Inv(p.ContractDate), ProjectEditor.Inv(p.StartDate), ProjectEditor.Inv(p.EndDate),
                p.FirstYear?.ToString(CultureInfo.InvariantCulture), p.LastYear?.ToString(CultureInfo.InvariantCulture), p.Currency.ToString(),
                ProjectEditor.Inv(p.TotalValue), ProjectEditor.Inv(p.Grant), ProjectEditor.Inv(p.GrantEu), ProjectEditor.Inv(p.GrantNational),
                ProjectEditor.Inv(p.OwnCofinancing), ProjectEditor.Inv(p.OwnContribution), ProjectEditor.Inv(p.OwnBudgetSpent), ProjectEditor.Inv(p.EuSharePercent), ProjectEditor.Inv(p.PaidTotal),
                p.LeadOrganisation?.Name, p.LeadOrganisation?.Eik,
                string.Join("; ", p.Partners.OrderBy(x => x.Position).Select(x => x.Organisation!.Name + (x.Organisation.Eik is { } eik ? $" [{eik}]" : ""))),
                p.PlaceOfExecution, p.IsunUrl,
            ];
            // Platform.OpenData.Csv.Cell quotes, and puts an apostrophe before text a spreadsheet would run as a formula.
            await text.WriteAsync(Line(row));
        }
    }

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
