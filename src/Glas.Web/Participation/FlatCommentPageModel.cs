using Glas.Web.Participation.Comments;
using Microsoft.AspNetCore.Mvc;

namespace Glas.Web.Participation;

/// <summary>
/// A subject's page whose comment form posts flat fields ("Comment", "CommentShown",
/// "CommentParentId") and pages its comments with "p": the project page, monitoring's pages.
/// </summary>
public abstract class FlatCommentPageModel : ParticipationPageModel
{
    private static readonly CommentFields Fields = CommentFields.Flat("Comment");

    /// <summary>The text of a new comment or reply (the form's field "Comment").</summary>
    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public AuthorShown CommentShown { get; set; } = AuthorShown.DisplayName;

    [BindProperty]
    public Guid? CommentParentId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    protected override CommentFields CommentFields => Fields;

    public Task<IActionResult> OnPostCommentAsync(Guid id) => PostCommentAsync(id, new CommentPost(Comment, CommentShown, CommentParentId));
}
