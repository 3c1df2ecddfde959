using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Glas.Web.Consultations;

public sealed class IndexModel(GlasDbContext db, TimeProvider time, TenantRoles roles) : PageModel
{
    public ConsultationStatus? Status { get; private set; }
    public ActType? Act { get; private set; }
    public string? Area { get; private set; }
    public int? Year { get; private set; }
    public string? Q { get; private set; }
    public ConsultationPage Result { get; private set; } = new([], 0, 1, ConsultationQueries.PageSize, new Dictionary<ConsultationStatus, int>());
    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>The statuses the viewer may list and filter by: the public ones, and drafts too for the administration's officials.</summary>
    public IReadOnlyList<ConsultationStatus> PublicStatuses { get; private set; } = Enum.GetValues<ConsultationStatus>().Where(s => s != ConsultationStatus.Draft).ToList();

    /// <summary>Officials of this administration see its drafts in the list (tagged „Чернова“), so they find their own again.</summary>
    public bool ShowsDrafts { get; private set; }

    public Pager Pager => new(Result.Page, Result.PageSize, Result.Total, Query());

    public async Task OnGetAsync(string? status, string? act, string? area, int? year, string? q, int? p)
    {
        ShowsDrafts = await roles.CurrentRoleAsync(User) is { } role && RoleRules.Satisfies(role, TenantRole.Official);
        if (ShowsDrafts)
        {
            PublicStatuses = Enum.GetValues<ConsultationStatus>();
        }
        Status = Enum.TryParse<ConsultationStatus>(status, out var s) && Enum.IsDefined(s) && PublicStatuses.Contains(s) ? s : null;
        Act = Enum.TryParse<ActType>(act, out var a) && Enum.IsDefined(a) ? a : null;
        Area = PolicyAreas.IsKnown(area) ? area : null;
        var thisYear = time.GetUtcNow().Year;
        Years = Enumerable.Range(0, 6).Select(i => thisYear + 1 - i).ToList();
        Year = year is >= 2000 and <= 2100 ? year : null;
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 200)];
        Result = await ConsultationQueries.ListAsync(db, new ConsultationFilter(Status, Act, Area, Year, Q, p ?? 1), time.GetUtcNow(), includeDrafts: ShowsDrafts, HttpContext.RequestAborted);
    }

    private string Query()
    {
        var parts = new List<string>();
        void Add(string key, object? value)
        {
            if (value is not null)
            {
                parts.Add(key + "=" + Uri.EscapeDataString(value.ToString()!));
            }
        }
        Add("status", Status);
        Add("act", Act);
        Add("area", Area);
        Add("year", Year);
        Add("q", Q);
        return string.Join('&', parts);
    }
}
