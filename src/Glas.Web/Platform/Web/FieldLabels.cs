using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Glas.Web.Platform.Web;

/// <summary>
/// The labels of a page's fields, so the error summary at the top of a form can name the field each
/// message is about ("Наименование на български: Полето е задължително.") although the fields are
/// rendered after it: each line of the summary is written only when the page is written out, by
/// which time every <see cref="FieldTagHelper"/> has recorded its label.
/// </summary>
public static class FieldLabels
{
    private static readonly object Key = new();

    public static void Remember(HttpContext context, string field, string label)
    {
        if (context.Items[Key] is not Dictionary<string, string> labels)
        {
            context.Items[Key] = labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }
        labels[field] = label;
    }

    public static string? Find(HttpContext context, string field) =>
        context.Items[Key] is Dictionary<string, string> labels && labels.TryGetValue(field, out var label) ? label : null;

    /// <summary>A summary line: the field's label, when the page has one for it, then the message.</summary>
    public static IHtmlContent SummaryLine(HttpContext context, string field, string message) => new Line(context, field, message);

    private sealed class Line(HttpContext context, string field, string message) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            if (Find(context, field) is { Length: > 0 } label && !message.Contains(label, StringComparison.OrdinalIgnoreCase))
            {
                writer.Write(encoder.Encode(label.TrimEnd(':', ' ')));
                writer.Write(": ");
            }
            writer.Write(encoder.Encode(message));
        }
    }
}
