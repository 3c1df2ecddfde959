using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Feedback;

public static class FeedbackPageExtensions
{
    /// <summary>Shows each error beside its field (the form field's name is <paramref name="prefix"/> + the rule's field).</summary>
    public static void Add(this ModelStateDictionary state, IEnumerable<FeedbackError> errors, IStringLocalizer<FeedbackText> t, string prefix = "")
    {
        foreach (var e in errors)
        {
            state.AddModelError(e.Field.Length == 0 ? "" : prefix + e.Field, e.Text(t));
        }
    }

    public static string StatusClass(FeedbackStatus status) => "status status-" + status.ToString().ToLowerInvariant();
}
