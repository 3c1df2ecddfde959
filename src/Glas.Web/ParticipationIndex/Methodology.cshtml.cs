using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Glas.Web.ParticipationIndex;

/// <summary>The methodology in force (every indicator with its formula, source, period, bounds and weight) and its versions.</summary>
public sealed class MethodologyModel(IndexStore store) : PageModel
{
    public IndexMethodology Current { get; private set; } = null!;
    public IReadOnlyList<IndexMethodology> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Current = await store.CurrentMethodologyAsync(ct);
        Versions = await store.VersionsAsync(ct);
    }
}
