using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Glas.Web.Participation.Comments;

/// <summary>The names a page's comment form posts: "Comment.Text" on a page with other forms, "Comment" on a simpler one.</summary>
public sealed record CommentFields(string Text, string Shown, string ParentId)
{
    /// <summary>Fields of a bound object, e.g. Comment.Text, Comment.Shown, Comment.ParentId.</summary>
    public static CommentFields Nested(string prefix) => new($"{prefix}.Text", $"{prefix}.Shown", $"{prefix}.ParentId");

    /// <summary>One field named after the comment itself, e.g. Comment, with CommentShown and CommentParentId.</summary>
    public static CommentFields Flat(string name) => new(name, $"{name}Shown", $"{name}ParentId");

    /// <summary>The key a message is shown under: the form's text or shown-as field, or the one comment's reason or edit field.</summary>
    public string Key(CommentField field, string? action, Guid? commentId) => field switch
    {
        CommentField.Form => "",
        CommentField.Shown => Shown,
        _ when action is not null && commentId is { } id => $"{action}-{id}",
        _ => Text,
    };
}

/// <summary>What the shared comment partials show on a module's page: the thread, the form and what the viewer may do.</summary>
public sealed class CommentsPanel
{
    public required string Kind { get; init; }
    public required CommentFields Fields { get; init; }
    public List<CommentView> Comments { get; init; } = [];
    public Guid? Viewer { get; init; }

    /// <summary>The subject accepts comments now and the viewer is signed in.</summary>
    public bool CanComment { get; init; }

    /// <summary>The subject accepts comments now (whoever looks).</summary>
    public bool Open { get; init; }

    public bool CanModerate { get; init; }
    public int MaxLength { get; init; }
    public DateTimeOffset Now { get; init; }

    /// <summary>The label of the new-comment field, in the module's words (e.g. "on this article").</summary>
    public required string Label { get; init; }

    /// <summary>The organisation the viewer may post for, or null.</summary>
    public string? Organisation { get; init; }

    public bool MayEdit(CommentView c) => c.MineAuthored && !c.IsHidden && Open && CommentRules.InEditWindow(c.CreatedAt, Now);
}

/// <summary>A comment in its panel, for the _Comment partial.</summary>
public sealed record CommentItem(CommentsPanel Panel, CommentView Comment);

/// <summary>
/// How a module's page answers a comment action: the same redirects, status lines, form errors,
/// 429s and 404s everywhere. The page supplies what to show again (its own loading) and where back is.
/// </summary>
public static class CommentHandlers
{
    public static async Task<IActionResult> AnswerAsync(this PageModel page, CommentOutcome outcome, CommentFields fields, string? action, string? postedValue,
        Func<Task> reload, string back, bool anchor = true)
    {
        switch (outcome.Result)
        {
            case CommentResult.SignIn:
                return new ChallengeResult();
            case CommentResult.NotFound:
                return new NotFoundResult();
            case CommentResult.Forbidden:
                return new ForbidResult();
            case CommentResult.Done or CommentResult.Refused:
                if (outcome.Status is not null)
                {
                    page.TempData["Status"] = outcome.Status;
                }
                return new RedirectResult(back + (anchor && outcome.CommentId is { } id ? "#c-" + id : ""));
        }
        foreach (var error in outcome.Errors)
        {
            var key = fields.Key(error.Field, action, outcome.CommentId);
            if (key.Length > 0 && !page.ModelState.ContainsKey(key))
            {
                // Keeps what was typed in a field the model binder does not know (a reason, an edit).
                page.ModelState.SetModelValue(key, postedValue, postedValue);
            }
            page.ModelState.AddModelError(key, error.Message);
        }
        await reload();
        var result = page.Page();
        if (outcome.Result == CommentResult.TooFast)
        {
            page.Response.Headers.RetryAfter = outcome.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            result.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        return result;
    }
}

/// <summary>One field of a comment form for _CommentField: the key its messages are under, the name it posts, and how it looks.</summary>
public sealed record CommentFieldView(string Key, string Name, string Label, int MaxLength, bool Multiline = false, int Rows = 3, string? Hint = null, bool Required = true, string? Value = null)
{
    public bool HasError(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state) => state.TryGetValue(Key, out var e) && e.Errors.Count > 0;
}
