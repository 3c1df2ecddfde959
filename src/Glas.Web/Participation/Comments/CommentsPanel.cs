using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Glas.Web.Participation.Comments;

/// <summary>The names a page's comment form posts: "Comment.Text" on a page with other forms, "Comment" on a simpler one.</summary>
public sealed record CommentFields(string Text, string Shown, string ParentId, string Target)
{
    /// <summary>Fields of a bound object, e.g. Comment.Text, Comment.Shown, Comment.ParentId, Comment.Target.</summary>
    public static CommentFields Nested(string prefix) => new($"{prefix}.Text", $"{prefix}.Shown", $"{prefix}.ParentId", $"{prefix}.Target");

    /// <summary>One field named after the comment itself, e.g. Comment, with CommentShown, CommentParentId and CommentTarget.</summary>
    public static CommentFields Flat(string name) => new(name, $"{name}Shown", $"{name}ParentId", $"{name}Target");

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
public sealed record CommentsPanel
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

    /// <summary>
    /// The parts of the subject a new comment in this panel may be about (e.g. an article and its
    /// paragraphs), posted as <see cref="CommentFields.Target"/>; empty when the page decides alone.
    /// A reply carries its parent's part.
    /// </summary>
    public IReadOnlyList<CommentTarget> Targets { get; init; } = [];

    /// <summary>
    /// Distinguishes this panel's form when a page has several: its fields get ids of their own and
    /// show no messages (the messages belong to the form that was posted, whose Suffix is null).
    /// </summary>
    public string? Suffix { get; init; }

    /// <summary>What the page adds under a comment (e.g. the answer to a proposal), by comment id.</summary>
    public IReadOnlyDictionary<Guid, CommentNote> Notes { get; init; } = new Dictionary<Guid, CommentNote>();

    /// <summary>The key and id of one of the form's fields: the field's name, or a name of its own when the panel has a suffix.</summary>
    public string FieldKey(string field) => Suffix is null ? field : $"{field}-{Suffix}";

    public bool MayEdit(CommentView c) => c.MineAuthored && !c.IsHidden && Open && CommentRules.InEditWindow(c.CreatedAt, Now);
}

/// <summary>A part of a subject that a comment may be about: its id and how the form names it.</summary>
public sealed record CommentTarget(Guid Id, string Label);

/// <summary>A page's note under a comment: a title (e.g. "Прието"), the text, and a tone for its look.</summary>
public sealed record CommentNote(string Title, string? Text, string Tone);

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
