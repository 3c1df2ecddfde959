using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Glas.Web.Platform.Web;

/// <summary>
/// One accessible form field: label, optional hint, control and its error, tied together with
/// for/id, aria-describedby and aria-invalid, so every form reads the same to a screen reader.
/// </summary>
[HtmlTargetElement("glas-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(HtmlEncoder encoder) : TagHelper
{
    [HtmlAttributeName("for")]
    public required Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }

    [HtmlAttributeName("label")]
    public required string Label { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    /// <summary>text, email, password, tel, url, number, textarea, checkbox or select.</summary>
    [HtmlAttributeName("type")]
    public string Type { get; set; } = "text";

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    [HtmlAttributeName("required")]
    public bool Required { get; set; }

    [HtmlAttributeName("maxlength")]
    public int? MaxLength { get; set; }

    [HtmlAttributeName("lang")]
    public string? Lang { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        FieldLabels.Remember(ViewContext.HttpContext, name, Label);
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
        var attempted = entry?.AttemptedValue;
        var value = attempted ?? For.Model switch
        {
            DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            null => "",
            var m => Convert.ToString(m, System.Globalization.CultureInfo.CurrentCulture) ?? "",
        };
        var describedBy = new List<string>();
        if (Hint is not null)
        {
            describedBy.Add(id + "-hint");
        }
        if (errors.Count > 0)
        {
            describedBy.Add(id + "-error");
        }

        string E(string s) => encoder.Encode(s);
        var common = $" id=\"{id}\" name=\"{E(name)}\""
            + (describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "")
            + (errors.Count > 0 ? " aria-invalid=\"true\"" : "")
            + (Required ? " required aria-required=\"true\"" : "")
            + (Lang is not null ? $" lang=\"{E(Lang)}\"" : "");

        var requiredMark = Required ? " <span class=\"required\" aria-hidden=\"true\">*</span>" : "";
        var label = $"<label for=\"{id}\">{E(Label)}{requiredMark}</label>";
        var hint = Hint is null ? "" : $"<p class=\"hint\" id=\"{id}-hint\">{E(Hint)}</p>";
        var error = errors.Count == 0 ? "" : $"<p class=\"field-error\" id=\"{id}-error\">{E(string.Join(" ", errors))}</p>";

        string control;
        switch (Type)
        {
            case "checkbox":
                var isChecked = attempted is not null ? attempted.Split(',').Contains("true", StringComparer.OrdinalIgnoreCase) : For.Model is true;
                control = $"<input type=\"checkbox\"{common} value=\"true\"{(isChecked ? " checked" : "")}><input type=\"hidden\" name=\"{E(name)}\" value=\"false\">";
                output.TagName = "div";
                output.TagMode = TagMode.StartTagAndEndTag;
                output.Attributes.SetAttribute("class", "field field-checkbox" + (errors.Count > 0 ? " has-error" : ""));
                output.Content.SetHtmlContent(control + label + hint + error);
                return;
            case "textarea":
                control = $"<textarea{common} rows=\"6\"{Max()}>{E(value)}</textarea>";
                break;
            case "select":
                var options = string.Concat((Items ?? []).Select(i =>
                    $"<option value=\"{E(i.Value)}\"{(string.Equals(i.Value, value, StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{E(i.Text)}</option>"));
                control = $"<select{common}>{options}</select>";
                break;
            default:
                var shown = Type == "password" ? "" : value;
                control = $"<input type=\"{E(Type)}\"{common} value=\"{E(shown)}\"{Max()}"
                    + (Autocomplete is not null ? $" autocomplete=\"{E(Autocomplete)}\"" : "") + ">";
                break;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field" + (errors.Count > 0 ? " has-error" : ""));
        output.Content.SetHtmlContent(label + hint + error + control);

        string Max() => MaxLength is { } m ? $" maxlength=\"{m}\"" : "";
    }
}
