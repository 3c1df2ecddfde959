using Glas.Web.Participation.Comments;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Participation.Comments;

[Trait("Category", "Unit")]
public class CommentRulesTests
{
    private static readonly DateTimeOffset Posted = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Author = Guid.NewGuid();
    private static readonly Guid Someone = Guid.NewGuid();

    private static Comment Make(bool hidden = false) => new()
    {
        Id = Guid.NewGuid(), SubjectKind = "project", SubjectId = Guid.NewGuid(), AuthorId = Author, Text = "Текст", CreatedAt = Posted,
        HiddenAt = hidden ? Posted.AddMinutes(1) : null,
    };

    [Theory]
    [InlineData(0, true)]
    [InlineData(14, true)]
    [InlineData(15, true)]
    [InlineData(16, false)]
    [InlineData(-1, false)]
    public void The_author_edits_within_fifteen_minutes(int minutes, bool allowed) =>
        CommentRules.CanEdit(Make(), Author, Posted.AddMinutes(minutes)).ShouldBe(allowed);

    [Fact]
    public void Nobody_else_edits_and_nobody_edits_a_hidden_comment()
    {
        CommentRules.CanEdit(Make(), Someone, Posted.AddMinutes(1)).ShouldBeFalse();
        CommentRules.CanEdit(Make(), null, Posted.AddMinutes(1)).ShouldBeFalse();
        CommentRules.CanEdit(Make(hidden: true), Author, Posted.AddMinutes(2)).ShouldBeFalse();
    }

    [Fact]
    public void Support_is_once_per_person_never_for_ones_own_or_a_hidden_comment()
    {
        CommentRules.WhyNotSupport(Make(), Someone, alreadySupports: false).ShouldBeNull();
        CommentRules.WhyNotSupport(Make(), Someone, alreadySupports: true).ShouldBe(SupportRefusal.Already);
        CommentRules.WhyNotSupport(Make(), Author, alreadySupports: false).ShouldBe(SupportRefusal.Own);
        CommentRules.WhyNotSupport(Make(hidden: true), Someone, alreadySupports: false).ShouldBe(SupportRefusal.Hidden);
    }

    [Fact]
    public void Only_a_moderator_hides_what_is_shown_and_shows_again_what_is_hidden()
    {
        CommentRules.CanHide(Make(), isModerator: true).ShouldBeTrue();
        CommentRules.CanHide(Make(), isModerator: false).ShouldBeFalse();
        CommentRules.CanHide(Make(hidden: true), isModerator: true).ShouldBeFalse();
        CommentRules.CanUnhide(Make(hidden: true), isModerator: true).ShouldBeTrue();
        CommentRules.CanUnhide(Make(hidden: true), isModerator: false).ShouldBeFalse();
        CommentRules.CanUnhide(Make(), isModerator: true).ShouldBeFalse();
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(" \n\t", true)]
    [InlineData("\u200B\u200C\u200D\u2060\uFEFF", true)]
    [InlineData("\u200B да \u200B", false)]
    [InlineData("👨‍👩‍👧", false)]
    public void Text_with_nothing_a_reader_sees_is_blank(string text, bool blank) => CommentRules.IsBlank(text).ShouldBe(blank);

    [Fact]
    public void Stored_text_has_unix_line_breaks_and_no_outer_whitespace() => CommentRules.Clean("  ред 1\r\nред 2 \r\n").ShouldBe("ред 1\nред 2");
}
