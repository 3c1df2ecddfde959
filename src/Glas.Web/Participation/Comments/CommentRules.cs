using System.Globalization;

namespace Glas.Web.Participation.Comments;

/// <summary>What may be done with a comment, and by whom: plain rules, no HTTP or database.</summary>
public static class CommentRules
{
    /// <summary>How long the author may correct a comment after posting it.</summary>
    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(15);

    /// <summary>The longest reason for a report, a hiding or an un-hiding.</summary>
    public const int MaxReasonLength = 500;

    public static bool CanEdit(Comment comment, Guid? user, DateTimeOffset now) =>
        user is { } u && comment.AuthorId == u && comment.HiddenAt is null && InEditWindow(comment.CreatedAt, now);

    public static bool InEditWindow(DateTimeOffset createdAt, DateTimeOffset now) => now >= createdAt && now - createdAt <= EditWindow;

    /// <summary>Why a person may not support a comment, or null when they may: once each, never their own, never a hidden one.</summary>
    public static SupportRefusal? WhyNotSupport(Comment comment, Guid user, bool alreadySupports) =>
        comment.HiddenAt is not null ? SupportRefusal.Hidden
        : comment.AuthorId == user ? SupportRefusal.Own
        : alreadySupports ? SupportRefusal.Already
        : null;

    /// <summary>Only a moderator (or above) of the comment's administration hides, and only what is shown.</summary>
    public static bool CanHide(Comment comment, bool isModerator) => isModerator && comment.HiddenAt is null;

    public static bool CanUnhide(Comment comment, bool isModerator) => isModerator && comment.HiddenAt is not null;

    /// <summary>Text with nothing a reader would see: whitespace and invisible format characters (zero-width space, joiners, BOM).</summary>
    public static bool IsBlank(string? text) =>
        string.IsNullOrEmpty(text) || text.All(c => char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format);

    /// <summary>The text as stored: line breaks as \n, no leading or trailing whitespace.</summary>
    public static string Clean(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

public enum SupportRefusal
{
    Hidden,
    Own,
    Already,
}
