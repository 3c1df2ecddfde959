using System.Globalization;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Glas.Web.ParticipationIndex;

/// <summary>The administrator's page: change weights and bounds (a new methodology version, audited) and compute the index again now.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class ManageModel(IndexStore store, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class SettingInput
    {
        public string Code { get; set; } = "";
        public string? Weight { get; set; }
        public string? Lower { get; set; }
        public string? Upper { get; set; }
    }

    [BindProperty]
    public List<SettingInput> Items { get; set; } = [];

    [BindProperty]
    public string? Note { get; set; }

    public IndexMethodology Current { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Current = await store.CurrentMethodologyAsync(ct);
        Items = Current.Indicators().Select(s => new SettingInput
        {
            Code = s.Code, Weight = Text(s.Weight), Lower = Text(s.Lower), Upper = Text(s.Upper),
        }).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Current = await store.CurrentMethodologyAsync(ct);
        var settings = new List<IndicatorSetting>();
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            var weight = Parse(item.Weight, $"Items[{i}].Weight");
            var lower = Parse(item.Lower, $"Items[{i}].Lower");
            var upper = Parse(item.Upper, $"Items[{i}].Upper");
            if (weight is { } w && lower is { } lo && upper is { } up)
            {
                settings.Add(new IndicatorSetting(item.Code, w, lo, up));
            }
        }
        if (Items.Count != IndexIndicators.All.Count || Items.Select(x => x.Code).Except(IndexIndicators.All.Select(d => d.Code)).Any())
        {
            ModelState.AddModelError("", "Формулярът трябва да съдържа всеки показател точно веднъж.");
        }
        Note = Note?.Trim();
        if (Note is { Length: > 1000 })
        {
            ModelState.AddModelError(nameof(Note), string.Format(CultureInfo.CurrentCulture, l["Validation.TooLong"], nameof(Note), 1000));
        }
        else if (Note is not null && (TextRules.HasControl(Note) || TextRules.HasUnsafeCharacters(Note)))
        {
            ModelState.AddModelError(nameof(Note), l["Validation.Characters"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var errors = await store.ChangeAsync(settings, string.IsNullOrEmpty(Note) ? null : Note, User.UserId()!.Value, ct);
        foreach (var error in errors)
        {
            var index = Items.FindIndex(x => x.Code == error.Code);
            ModelState.AddModelError(index < 0 || error.Field == "" ? "" : $"Items[{index}].{error.Field}", error.Message);
        }
        if (errors.Count > 0)
        {
            return Page();
        }
        TempData["Status"] = "Методологията е записана като нова версия; индексът е пресметнат отново.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken ct)
    {
        await store.RefreshAsync(ct);
        TempData["Status"] = "Индексът е пресметнат отново.";
        return RedirectToPage();
    }

    private decimal? Parse(string? text, string field)
    {
        var value = text?.Trim().Replace(',', '.').Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(value))
        {
            ModelState.AddModelError(field, l["Validation.Required"]);
            return null;
        }
        if (value.Length > 20 || !decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            ModelState.AddModelError(field, "Въведете число, например 12,5.");
            return null;
        }
        return number;
    }

    private static string Text(decimal value) => value.ToString("0.##", CultureInfo.CurrentCulture);
}
