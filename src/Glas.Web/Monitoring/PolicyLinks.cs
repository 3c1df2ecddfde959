using System.Text.RegularExpressions;
using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Monitoring;

/// <summary>A linked project of the register, as the policy page lists it.</summary>
public sealed record LinkedProject(Guid Id, string? Code, string Title);

/// <summary>What a policy links to: the consultation that discussed it and the register's projects that finance it.</summary>
public sealed partial record PolicyLinks(Guid? ConsultationId, string? ConsultationTitle, IReadOnlyList<LinkedProject> Projects)
{
    /// <summary>More projects than this are not listed on the page (a policy is financed by a handful).</summary>
    public const int MaxProjects = 100;

    public static async Task<PolicyLinks> LoadAsync(GlasDbContext db, Policy policy, CancellationToken ct)
    {
        var consultation = policy.ConsultationId is { } cid
            ? await db.Consultations.AsNoTracking().Where(c => c.Id == cid).Select(c => c.Title).FirstOrDefaultAsync(ct)
            : null;
        var projects = await db.PolicyProjects.AsNoTracking().Where(x => x.PolicyId == policy.Id)
            .Join(db.Projects, x => x.ProjectId, p => p.Id, (x, p) => p)
            .OrderBy(p => p.Code).ThenBy(p => p.Title).Take(MaxProjects)
            .Select(p => new LinkedProject(p.Id, p.Code, p.Title)).ToListAsync(ct);
        return new PolicyLinks(consultation is null ? null : policy.ConsultationId, consultation, projects);
    }

    /// <summary>The project of this administration named by its register code, its page's address or its id; null when none is.</summary>
    public static async Task<Guid?> FindProjectAsync(GlasDbContext db, string? text, CancellationToken ct)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > 300)
        {
            return null;
        }
        if (GuidIn().Match(value) is { Success: true } m && Guid.TryParse(m.Value, out var id))
        {
            return await db.Projects.Where(p => p.Id == id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        }
        return await db.Projects.Where(p => p.Code == value).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", RegexOptions.CultureInvariant)]
    private static partial Regex GuidIn();
}
