using Microsoft.Extensions.Localization;

namespace Glas.Web.Participation.Comments;

/// <summary>Marker for Resources/Participation/Comments/CommentsText(.en).resx, Bulgarian neutral.</summary>
public sealed class CommentsText;

public static class CommentsTextExtensions
{
    /// <summary>
    /// The text under "{key}.{kind}" when the subject's module words it its own way (e.g.
    /// "Closed.consultation"), else the text under "{key}".
    /// </summary>
    public static string For(this IStringLocalizer<CommentsText> t, string kind, string key, params object[] args)
    {
        var own = t[key + "." + kind, args];
        return own.ResourceNotFound ? t[key, args].Value : own.Value;
    }
}
