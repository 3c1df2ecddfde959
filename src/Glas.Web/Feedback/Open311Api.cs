using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Security;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Glas.Web.Feedback;

/// <summary>
/// Open311 GeoReport v2 at /open311/v2 (jurisdiction_id is the administration's slug): service
/// discovery, services and their definitions, submitting and reading requests, and tokens.
/// Only public reports are listed; nothing about the sender is ever returned.
/// </summary>
public static class Open311Api
{
    public const string Root = "/open311/v2";
    public const int DefaultDays = 90;
    public const int MaxResults = 1000;

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Root).WithTags("Open311").DisableAntiforgery();
        api.MapGet("/discovery.{format}", Discovery).WithName("Open311Discovery").WithSummary("Open311 service discovery.");
        api.MapGet("/services.{format}", Services).WithName("Open311Services").WithSummary("Open311 service list: the administration's categories.");
        api.MapGet("/services/{code}.{format}", Definition).WithName("Open311ServiceDefinition").WithSummary("Open311 service definition with its attributes.");
        api.MapGet("/requests.{format}", List).WithName("Open311Requests").WithSummary("Open311 public service requests (default the last 90 days, at most 1,000).");
        api.MapPost("/requests.{format}", Create).WithName("Open311CreateRequest").WithSummary("Open311 new service request (form-encoded; photos as multipart files named media).")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(FeedbackPhotos.MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: FeedbackPhotos.MaxRequestBytes);
        api.MapGet("/requests/{id}.{format}", One).WithName("Open311Request").WithSummary("Open311 one service request.");
        api.MapGet("/tokens/{token}.{format}", Token).WithName("Open311Token").WithSummary("Open311 service request id for a token.");
        return app;
    }

    /// <summary>Checks the format and the jurisdiction; an error result, or null to go on.</summary>
    private static IResult? Check(HttpContext context, string? format, string? jurisdiction, out string f)
    {
        f = Open311Format.Parse(format) ?? "json";
        if (Open311Format.Parse(format) is null)
        {
            return Open311Format.Errors("json", 404, "Unknown format: use .json or .xml.");
        }
        if (!string.IsNullOrEmpty(jurisdiction) && !string.Equals(jurisdiction, context.CurrentTenant().Slug, StringComparison.Ordinal))
        {
            return Open311Format.Errors(f, 404, "jurisdiction_id not found.");
        }
        return null;
    }

    private static IResult Discovery(HttpContext context, string format, PublicAddress addresses)
    {
        if (Check(context, format, null, out var f) is { } error)
        {
            return error;
        }
        var tenant = context.CurrentTenant();
        return Open311Format.WriteOne(f, "discovery", new Open311Item
        {
            { "changeset", Open311Format.Date(tenant.CreatedAt) },
            { "contact", tenant.ContactEmail ?? addresses.TenantBaseUrl(tenant) },
            { "key_service", addresses.Absolute(tenant, "/account/login") },
            { "endpoints", new[] { new Open311Item
            {
                { "specification", "http://wiki.open311.org/GeoReport_v2" },
                { "url", addresses.Absolute(tenant, Root) },
                { "changeset", Open311Format.Date(tenant.CreatedAt) },
                { "type", "production" },
                { "formats", new[] { "text/xml", "application/json" } },
            } } },
        });
    }

    private static async Task<IResult> Services(HttpContext context, string format, string? jurisdiction_id, GlasDbContext db, CancellationToken ct)
    {
        if (Check(context, format, jurisdiction_id, out var f) is { } error)
        {
            return error;
        }
        var categories = await db.FeedbackCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct);
        return Open311Format.Write(f, "services", "service", categories.Select(c => new Open311Item
        {
            { "service_code", c.Code },
            { "service_name", c.NameBg },
            { "description", c.NameEn },
            { "metadata", true },
            { "type", "realtime" },
            { "keywords", c.NameEn.ToLowerInvariant() },
            { "group", c.Department ?? "" },
        }));
    }

    private static async Task<IResult> Definition(HttpContext context, string code, string format, string? jurisdiction_id, GlasDbContext db, CancellationToken ct)
    {
        if (Check(context, format, jurisdiction_id, out var f) is { } error)
        {
            return error;
        }
        if (!await db.FeedbackCategories.AnyAsync(c => c.Code == code, ct))
        {
            return Open311Format.Errors(f, 404, "service_code not found.");
        }
        return Open311Format.WriteOne(f, "service_definition", new Open311Item
        {
            { "service_code", code },
            { "attributes", new[] { new Open311Item
            {
                { "variable", true },
                { "code", "kind" },
                { "datatype", "singlevaluelist" },
                { "required", false },
                { "datatype_description", "Сигнал (по подразбиране) или предложение / A signal (the default) or a proposal (АПК чл. 107)." },
                { "order", 1 },
                { "description", "Вид / Kind" },
                { "values", new[]
                {
                    new Open311Item { { "key", "signal" }, { "name", "Сигнал / Signal" } },
                    new Open311Item { { "key", "proposal" }, { "name", "Предложение / Proposal" } },
                } },
            } } },
        });
    }

    private static Open311Item Request(ReportRow r, string? answer, DateTimeOffset updated, string? forwardedTo)
    {
        var item = new Open311Item
        {
            { "service_request_id", r.Number },
            { "status", FeedbackStatusMachine.Open311Status(r.Status) },
            { "status_notes", answer ?? forwardedTo },
            { "service_name", r.CategoryBg },
            { "service_code", null },
            { "description", null },
            { "agency_responsible", forwardedTo ?? r.Department },
            { "service_notice", r.Status.ToString() },
            { "requested_datetime", Open311Format.Date(r.CreatedAt) },
            { "updated_datetime", Open311Format.Date(updated) },
            { "expected_datetime", Open311Format.Date(r.DueAt) },
            { "address", r.Address },
            { "address_id", null },
            { "zipcode", null },
            { "lat", r.Latitude },
            { "long", r.Longitude },
            { "media_url", null },
        };
        return item;
    }

    /// <summary>The absolute address of a published photo, for media_url.</summary>
    private static Func<Guid, Guid, string> MediaUrl(HttpContext context, PublicAddress addresses)
    {
        var tenant = context.CurrentTenant();
        return (report, photo) => addresses.Absolute(tenant, FeedbackPhotos.Path(report, photo));
    }

    private static async Task<List<Open311Item>> ItemsAsync(GlasDbContext db, IQueryable<FeedbackReport> q, int max, Func<Guid, Guid, string> mediaUrl, CancellationToken ct)
    {
        var rows = await q.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Take(max)
            .Select(r => new
            {
                Row = new ReportRow(r.Id, r.Number, r.Kind, r.Title, r.Category!.NameBg, r.Category.NameEn, r.Address, r.Status, r.CreatedAt, r.DueAt, r.Latitude, r.Longitude, r.Department, null, true),
                r.Answer, r.UpdatedAt, r.ForwardedTo, Code = r.Category.Code, r.Description,
            })
            .ToListAsync(ct);
        // media_url: the first photo staff have published, one query for the whole page.
        var ids = rows.Select(x => x.Row.Id).ToList();
        var photos = (await db.FeedbackPhotos.AsNoTracking().Where(p => ids.Contains(p.ReportId) && p.ApprovedAt != null)
                .Select(p => new { p.ReportId, p.Id, p.UploadedAt }).ToListAsync(ct))
            .GroupBy(p => p.ReportId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.UploadedAt).ThenBy(p => p.Id).First().Id);
        return rows.Select(x =>
        {
            var item = Request(x.Row, x.Answer, x.UpdatedAt, x.ForwardedTo);
            item[4] = new("service_code", x.Code);
            item[5] = new("description", x.Description);
            item[16] = new("media_url", photos.TryGetValue(x.Row.Id, out var photo) ? mediaUrl(x.Row.Id, photo) : null);
            return item;
        }).ToList();
    }

    private static bool TryDate(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed.ToUniversalTime();
            return true;
        }
        return false;
    }

    private static async Task<IResult> List(HttpContext context, string format, string? jurisdiction_id, string? service_request_id, string? service_code,
        string? start_date, string? end_date, string? status, GlasDbContext db, TimeProvider time, PublicAddress addresses, CancellationToken ct)
    {
        if (Check(context, format, jurisdiction_id, out var f) is { } error)
        {
            return error;
        }
        var q = FeedbackQueries.Public(db);
        if (!string.IsNullOrWhiteSpace(service_request_id))
        {
            var ids = service_request_id.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(MaxResults).ToList();
            q = q.Where(r => ids.Contains(r.Number));
            return Open311Format.Write(f, "service_requests", "request", await ItemsAsync(db, q, MaxResults, MediaUrl(context, addresses), ct));
        }
        if (!TryDate(start_date, out var start) || !TryDate(end_date, out var end))
        {
            return Open311Format.Errors(f, 400, "start_date and end_date must be ISO 8601 dates, e.g. 2026-11-25T10:00:00+02:00.");
        }
        if (start is { } s1 && end is { } e1 && s1 > e1)
        {
            return Open311Format.Errors(f, 400, "start_date is after end_date.");
        }
        var from = start ?? (end ?? time.GetUtcNow()).AddDays(-DefaultDays);
        q = q.Where(r => r.CreatedAt >= from);
        if (end is { } to)
        {
            q = q.Where(r => r.CreatedAt <= to);
        }
        if (!string.IsNullOrWhiteSpace(service_code))
        {
            var codes = service_code.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            q = q.Where(r => codes.Contains(r.Category!.Code));
        }
        if (!string.IsNullOrWhiteSpace(status))
        {
            var wanted = new List<FeedbackStatus>();
            foreach (var part in status.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (FeedbackStatusMachine.FromOpen311(part) is not { } statuses)
                {
                    return Open311Format.Errors(f, 400, "status must be open or closed.");
                }
                wanted.AddRange(statuses);
            }
            q = q.Where(r => wanted.Contains(r.Status));
        }
        return Open311Format.Write(f, "service_requests", "request", await ItemsAsync(db, q, MaxResults, MediaUrl(context, addresses), ct));
    }

    private static async Task<IResult> One(HttpContext context, string id, string format, string? jurisdiction_id, GlasDbContext db, PublicAddress addresses, CancellationToken ct)
    {
        if (Check(context, format, jurisdiction_id, out var f) is { } error)
        {
            return error;
        }
        var items = await ItemsAsync(db, FeedbackQueries.Public(db).Where(r => r.Number == id), 1, MediaUrl(context, addresses), ct);
        return items.Count == 0 ? Open311Format.Errors(f, 404, "service_request_id not found.") : Open311Format.Write(f, "service_requests", "request", items);
    }

    private static async Task<IResult> Token(HttpContext context, string token, string format, string? jurisdiction_id, GlasDbContext db, CancellationToken ct)
    {
        if (Check(context, format, jurisdiction_id, out var f) is { } error)
        {
            return error;
        }
        var number = Guid.TryParse(token, out var id) ? await db.FeedbackReports.Where(r => r.Id == id).Select(r => r.Number).FirstOrDefaultAsync(ct) : null;
        return number is null
            ? Open311Format.Errors(f, 404, "token not found.")
            : Open311Format.Write(f, "service_requests", "request", [new Open311Item { { "service_request_id", number }, { "token", token } }]);
    }

    private static async Task<IResult> Create(HttpContext context, string format, FeedbackDesk desk, ParticipationLimiter limiter, IOptions<FeedbackOptions> options,
        IStringLocalizer<FeedbackText> t, CancellationToken ct)
    {
        var f = Open311Format.Parse(format) ?? "json";
        if (Open311Format.Parse(format) is null)
        {
            return Open311Format.Errors("json", 404, "Unknown format: use .json or .xml.");
        }
        if (!context.Request.HasFormContentType)
        {
            return Open311Format.Errors(f, 400, "Send the request form-encoded (application/x-www-form-urlencoded or multipart/form-data).");
        }
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return Open311Format.Errors(f, 413, "The request is too large: at most 5 photos of 5 MB each.");
        }
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        var tenant = context.CurrentTenant();
        if (Field("jurisdiction_id") is { Length: > 0 } jurisdiction && !string.Equals(jurisdiction, tenant.Slug, StringComparison.Ordinal))
        {
            return Open311Format.Errors(f, 404, "jurisdiction_id not found.");
        }
        if (options.Value.ApiKey(tenant.Slug) is { } key)
        {
            var given = Field("api_key") ?? "";
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key)))
            {
                return Open311Format.Errors(f, 403, "api_key missing or not valid.");
            }
        }
        if (limiter.TryAcquire(context) is { } wait)
        {
            context.Response.Headers.RetryAfter = ParticipationLimiter.Seconds(wait).ToString(CultureInfo.InvariantCulture);
            return Open311Format.Errors(f, 429, "Too many requests; try again later.");
        }
        var email = Field("email")?.Trim();
        var errors = new List<string>();
        if (!FeedbackRules.IsEmail(email))
        {
            errors.Add("email: " + t["Error.Email"]);
        }
        var name = string.Join(' ', new[] { Field("first_name"), Field("last_name") }.Where(n => !FeedbackRules.IsBlank(n)).Select(n => n!.Trim()));
        var nameErrors = new List<FeedbackError>();
        FeedbackRules.Text(nameErrors, "Name", name, FeedbackRules.NameMax, required: false);
        errors.AddRange(nameErrors.Select(e => "first_name: " + t[e.MessageKey]));
        var description = Field("description");
        var title = FeedbackRules.IsBlank(description) ? null : Title(description!);
        var kind = Field("attribute[kind]") is { Length: > 0 } k ? k : "signal";
        var submission = new FeedbackSubmission(kind, Field("service_code"), title, description, Field("address_string"), Field("lat"), Field("long"), IsPublic: true);
        // Photos sent as files named "media" (multipart/form-data), checked and cleaned like the form's.
        // A media_url is not fetched: Glas does not download from addresses a caller names.
        var (photos, photoErrors) = await FeedbackPhotos.CheckAsync(form.Files.GetFiles("media"), ct);
        errors.AddRange(photoErrors.Select(e => Describe(e, t)));
        if (errors.Count > 0)
        {
            // Report every problem at once: the sender's, the photos' and the submission's.
            var more = await desk.CheckAsync(submission, addressRequired: false, ct);
            return Open311Format.Errors(f, 400, [.. errors, .. more.Select(e => Describe(e, t))]);
        }
        var (report, problems) = await desk.SubmitAsync(submission, new FeedbackSender(null, name.Length > 0 ? name : email!, email), "open311", addressRequired: false, ct, photos);
        if (report is null)
        {
            return Open311Format.Errors(f, 400, problems.Select(e => Describe(e, t)).ToArray());
        }
        return Open311Format.Write(f, "service_requests", "request",
        [
            new Open311Item { { "service_request_id", report.Number }, { "service_notice", t["Open311.Notice", report.Number].Value }, { "account_id", null }, { "token", report.Id.ToString() } },
        ]);
    }

    private static string Title(string description)
    {
        var line = description.Trim().Split('\n')[0].Trim();
        return line.Length <= 80 ? line : line[..79].TrimEnd() + "…";
    }

    private static string Describe(FeedbackError e, IStringLocalizer<FeedbackText> t) =>
        (e.Field switch
        {
            "Kind" => "attribute[kind]",
            "Category" => "service_code",
            "Title" or "Description" => "description",
            "Latitude" => "lat/long",
            "Address" => "address_string",
            "Photos" => "media",
            _ => e.Field.ToLowerInvariant(),
        }) + ": " + e.Text(t);
}
