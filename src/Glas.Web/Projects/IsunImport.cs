using System.Globalization;
using System.Text.Json;
using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Projects;

public enum ImportResult
{
    Created,
    Changed,
    Unchanged,
    Rejected,
}

public sealed record ImportLine(int Number, string? Code, ImportResult Result, string? Reason);

/// <summary>What an import did, project by project. Nothing is saved when the file itself is refused.</summary>
public sealed record ImportReport(IReadOnlyList<ImportLine> Lines)
{
    public int Created => Lines.Count(l => l.Result == ImportResult.Created);
    public int Changed => Lines.Count(l => l.Result == ImportResult.Changed);
    public int Unchanged => Lines.Count(l => l.Result == ImportResult.Unchanged);
    public int Rejected => Lines.Count(l => l.Result == ImportResult.Rejected);
}

/// <summary>The whole file is unusable (not JSON, wrong shape, a count that does not match); nothing was imported.</summary>
public sealed class ImportRefusedException(string message) : Exception(message);

/// <summary>One record of a file, already read into project input, or the reason it cannot be.</summary>
public sealed record ImportRecord(int Number, string? Code, ProjectInput? Input, string? Problem);

/// <summary>
/// Reads ИСУН open data (top level totalProjects, generatedAt, projects[], entities[]) into project
/// input. The keys are those ИСУН publishes; amounts are read as exact decimals, never doubles.
/// </summary>
public static class IsunFormat
{
    public const int MaxProjects = 50_000;

    /// <summary>Parses the file; throws <see cref="ImportRefusedException"/> when it is malformed as a whole.</summary>
    public static List<ImportRecord> Read(Stream json, IStringLocalizer t)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new ImportRefusedException(t["Import.NotJson", ex.LineNumber + 1 ?? 0]);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("projects", out var projects) || projects.ValueKind != JsonValueKind.Array)
            {
                throw new ImportRefusedException(t["Import.NoProjects"]);
            }
            var count = projects.GetArrayLength();
            if (count > MaxProjects)
            {
                throw new ImportRefusedException(t["Import.TooMany", MaxProjects]);
            }
            if (root.TryGetProperty("totalProjects", out var total) && !(total.ValueKind == JsonValueKind.Number && total.TryGetInt32(out var n) && n == count))
            {
                throw new ImportRefusedException(t["Import.CountMismatch", total.ToString(), count]);
            }
            var entities = new Dictionary<string, (string? Name, string? Uin)>(StringComparer.Ordinal);
            if (root.TryGetProperty("entities", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object))
                {
                    throw new ImportRefusedException(t["Import.BadEntities"]);
                }
                foreach (var e in list.EnumerateArray())
                {
                    if (Text(e, "entityId") is { } id)
                    {
                        entities[id] = (Text(e, "entityName"), Text(e, "entityUin"));
                    }
                }
            }
            if (projects.EnumerateArray().Any(p => p.ValueKind != JsonValueKind.Object))
            {
                throw new ImportRefusedException(t["Import.BadProject"]);
            }
            return projects.EnumerateArray().Select((p, i) => ReadProject(p, i + 1, entities, t)).ToList();
        }
    }

    private static ImportRecord ReadProject(JsonElement p, int number, Dictionary<string, (string? Name, string? Uin)> entities, IStringLocalizer t)
    {
        var code = Text(p, "id");
        try
        {
            if (code is null)
            {
                return new(number, null, null, t["Import.NoCode"]);
            }
            var name = Text(p, "name");
            if (name is null)
            {
                return new(number, code, null, t["Import.NoName"]);
            }
            var statusText = Text(p, "status");
            var status = statusText is null ? ProjectStatus.InProgress : ParseStatus(statusText);
            if (status is null)
            {
                return new(number, code, null, t["Import.BadStatus", statusText!]);
            }
            string? lead = null, leadEik = null;
            if (p.TryGetProperty("projectBeneficiary", out var beneficiary) && beneficiary.ValueKind == JsonValueKind.Object && Text(beneficiary, "entityId") is { } entityId)
            {
                if (!entities.TryGetValue(entityId, out var entity) || entity.Name is null)
                {
                    return new(number, code, null, t["Import.UnknownEntity", entityId]);
                }
                lead = entity.Name;
                leadEik = entity.Uin is { } uin && uin.Length is 9 or 13 && uin.All(char.IsAsciiDigit) ? uin : null;
            }
            var start = Date(p, "initialDate");
            var end = Date(p, "endDate");
            var currency = Text(p, "currency") is { } c
                ? Enum.TryParse<Currency>(c, true, out var parsed) && Enum.IsDefined(parsed) ? parsed : throw new FormatException("currency")
                : start is { } s && s >= Currencies.EuroChangeover ? Currency.EUR : Currency.BGN;
            var payments = new List<PaymentInput>();
            if (p.TryGetProperty("actuallyPaidAmounts", out var paid))
            {
                if (paid.ValueKind != JsonValueKind.Array)
                {
                    throw new FormatException("actuallyPaidAmounts");
                }
                foreach (var a in paid.EnumerateArray())
                {
                    payments.Add(new PaymentInput(Amount(a, "value") ?? throw new FormatException("actuallyPaidAmounts[].value"), Date(a, "date")));
                }
            }
            var places = new List<string>();
            if (p.TryGetProperty("placeOfExecution", out var placeList) && placeList.ValueKind == JsonValueKind.Array)
            {
                places.AddRange(placeList.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object).Select(x => Text(x, "municipality")).OfType<string>());
            }
            return new(number, code, new ProjectInput
            {
                Code = code,
                Title = name,
                Programme = Text(p, "sourceofFunding"),
                LeadOrganisation = lead,
                LeadOrganisationEik = leadEik,
                StartDate = start,
                EndDate = end,
                Status = status.Value,
                Currency = currency,
                TotalValue = Amount(p, "totalValue"),
                Payments = payments,
                PlaceOfExecution = places.Count > 0 ? string.Join(", ", places.Distinct()) : null,
            }, null);
        }
        catch (FormatException ex)
        {
            return new(number, code, null, t["Import.BadValue", ex.Message]);
        }
    }

    /// <summary>ИСУН writes statuses in Bulgarian ("Приключен", "В изпълнение", …); the English names work too.</summary>
    public static ProjectStatus? ParseStatus(string s)
    {
        if (Enum.TryParse<ProjectStatus>(s, true, out var direct) && Enum.IsDefined(direct) && !s.Any(char.IsDigit))
        {
            return direct;
        }
        var v = s.Trim().ToLowerInvariant();
        return v switch
        {
            _ when v.StartsWith("приключ", StringComparison.Ordinal) => ProjectStatus.Completed,
            _ when v.StartsWith("прекрат", StringComparison.Ordinal) => ProjectStatus.Terminated,
            _ when v.Contains("изпълнение", StringComparison.Ordinal) => ProjectStatus.InProgress,
            _ when v.StartsWith("сключ", StringComparison.Ordinal) || v.StartsWith("договор", StringComparison.Ordinal) => ProjectStatus.ContractSigned,
            _ when v.StartsWith("одобр", StringComparison.Ordinal) => ProjectStatus.Approved,
            _ when v.StartsWith("подад", StringComparison.Ordinal) || v.StartsWith("предлож", StringComparison.Ordinal) => ProjectStatus.ProposalSubmitted,
            _ => null,
        };
    }

    private static string? Text(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => ProjectEditor.Clean(v.GetString()),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.Null => null,
            _ => throw new FormatException(key),
        } : null;

    private static decimal? Amount(JsonElement e, string key)
    {
        if (!e.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d))
        {
            return d;
        }
        if (v.ValueKind == JsonValueKind.String && decimal.TryParse(v.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var s))
        {
            return s;
        }
        throw new FormatException(key);
    }

    private static DateOnly? Date(JsonElement e, string key)
    {
        var text = Text(e, key);
        if (text is null)
        {
            return null;
        }
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var iso) && text.Contains('-', StringComparison.Ordinal))
        {
            return DateOnly.FromDateTime(iso);
        }
        if (DateOnly.TryParseExact(text, "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var bg))
        {
            return bg;
        }
        throw new FormatException(key);
    }
}

/// <summary>Creates or updates projects by code from imported records, all in one transaction.</summary>
public sealed class ProjectImporter(GlasDbContext db, ProjectEditor editor)
{
    /// <summary>
    /// <paramref name="merge"/> turns a record into the input for an existing project (the import
    /// changes only what its format carries); <paramref name="newRole"/> picks the administration's role for a new one.
    /// </summary>
    public async Task<ImportReport> ImportAsync(IReadOnlyList<ImportRecord> records, Actor actor, Func<ImportRecord, Project, ProjectInput> merge,
        Func<ImportRecord, AdministrationRole> newRole, Func<ImportRecord, Project?, string?>? check, CancellationToken ct)
    {
        var codes = records.Select(r => r.Code).OfType<string>().Distinct().ToList();
        var existing = new Dictionary<string, Project>(StringComparer.Ordinal);
        foreach (var chunk in codes.Chunk(2000))
        {
            var found = await db.Projects
                .Include(p => p.LeadOrganisation)
                .Include(p => p.Partners).ThenInclude(x => x.Organisation)
                .Include(p => p.Payments)
                .AsSplitQuery()
                .Where(p => chunk.Contains(p.Code!))
                .ToListAsync(ct);
            foreach (var p in found)
            {
                existing[p.Code!] = p;
            }
        }
        editor.AuditEachProject = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<ImportLine>();
        foreach (var record in records)
        {
            if (record.Input is null)
            {
                lines.Add(new(record.Number, record.Code, ImportResult.Rejected, record.Problem));
                continue;
            }
            if (record.Code is { } code && !seen.Add(code))
            {
                lines.Add(new(record.Number, code, ImportResult.Rejected, editor.Text("Import.Duplicate", code)));
                continue;
            }
            var project = record.Code is null ? null : existing.GetValueOrDefault(record.Code);
            var input = project is null ? record.Input with { Role = newRole(record) } : merge(record, project);
            var errors = editor.Validate(input, project);
            if (check?.Invoke(record, project) is { } problem)
            {
                errors.Add(new("", problem));
            }
            if (errors.Count > 0)
            {
                lines.Add(new(record.Number, record.Code, ImportResult.Rejected, string.Join(" ", errors.Select(e => e.Message).Distinct())));
                continue;
            }
            if (project is null)
            {
                await editor.CreateAsync(input, actor, ct);
                lines.Add(new(record.Number, record.Code, ImportResult.Created, null));
            }
            else
            {
                var changed = await editor.UpdateAsync(project, input, actor, ct);
                lines.Add(new(record.Number, record.Code, changed ? ImportResult.Changed : ImportResult.Unchanged, null));
            }
        }
        var report = new ImportReport(lines);
        editor.Audit(actor, "project.import", $"projects:{records.Count}",
            $"created {report.Created}, changed {report.Changed}, unchanged {report.Unchanged}, rejected {report.Rejected}");
        await db.SaveChangesAsync(ct);
        editor.AuditEachProject = true;
        return report;
    }

    /// <summary>Imports an ИСУН open-data file; throws <see cref="ImportRefusedException"/> for a malformed one.</summary>
    public async Task<ImportReport> ImportIsunAsync(Stream json, Actor actor, string tenantName, IStringLocalizer t, CancellationToken ct)
    {
        var records = IsunFormat.Read(await BufferAsync(json, ct), t);
        var tenantKey = OrganisationNames.Normalize(tenantName);
        return await ImportAsync(records, actor,
            (r, p) => ProjectInput.From(p) with
            {
                Title = r.Input!.Title,
                Programme = r.Input.Programme ?? p.Programme,
                LeadOrganisation = r.Input.LeadOrganisation ?? p.LeadOrganisation?.Name,
                LeadOrganisationEik = r.Input.LeadOrganisationEik ?? p.LeadOrganisation?.Eik,
                StartDate = r.Input.StartDate ?? p.StartDate,
                EndDate = r.Input.EndDate ?? p.EndDate,
                Status = r.Input.Status,
                TotalValue = r.Input.TotalValue ?? p.TotalValue,
                Currency = p.Currency,
                Payments = r.Input.Payments,
                PlaceOfExecution = r.Input.PlaceOfExecution ?? p.PlaceOfExecution,
            },
            r => r.Input!.LeadOrganisation is { } lead && OrganisationNames.Normalize(lead) == tenantKey ? AdministrationRole.Beneficiary : AdministrationRole.Partner,
            null, ct);
    }

    /// <summary>Request bodies may not be read synchronously; the parsers read from memory (the size limit keeps it small).</summary>
    public static async Task<MemoryStream> BufferAsync(Stream input, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        await input.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        return buffer;
    }
}
