using Glas.Web.Platform.Identity;

namespace Glas.Web.Platform.Modules;

/// <summary>Who asks for their work: the staff member, their role in the current administration, and the time now.</summary>
public sealed record WorkContext(Guid UserId, TenantRole Role, DateTimeOffset Now)
{
    /// <summary>Whether the person has the duties of <paramref name="role"/> (administrators have all).</summary>
    public bool Acts(TenantRole role) => RoleRules.Satisfies(Role, role);
}

/// <summary>How pressing a task is: shown as a tag with its word, and overdue tasks come first.</summary>
public enum WorkUrgency
{
    Normal,
    Soon,
    Overdue,
}

/// <summary>
/// One kind of task of a module, e.g. „Консултации, чакащи справка“: how many there are in all, the
/// first few of them, and the module's own list of all. A group of work waiting (<paramref name="Counted"/>)
/// adds its total to the count in the header; a group of shortcuts (e.g. projects I edited lately) does not.
/// The key is unique among all modules' groups (it names the group's section on the page).
/// </summary>
public sealed record WorkGroup(string Key, string Title, int Total, IReadOnlyList<WorkTask> Items, string SeeAllPath, bool Counted = true)
{
    /// <summary>How many items a group shows; the rest are behind its „see all“ link.</summary>
    public const int Shown = 5;
}

/// <summary>
/// One thing to do: its title and page (a path under the administration), an optional short note
/// (already in the reader's language), a due date, the days it is overdue (positive when late), a
/// count of what waits inside it (e.g. 12 unanswered proposals), and how urgent it is.
/// </summary>
public sealed record WorkTask(string Title, string Path, string? Note = null, DateOnly? Due = null, int? DaysOverdue = null, int? Count = null,
    WorkUrgency Urgency = WorkUrgency.Normal)
{
    public const int ExcerptLength = 140;

    /// <summary>The start of a free text (a comment, a proposal) on one line, cut at a word, as a task's title.</summary>
    public static string Excerpt(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length <= ExcerptLength)
        {
            return line;
        }
        var cut = line.LastIndexOf(' ', ExcerptLength);
        return line[..(cut > ExcerptLength / 2 ? cut : ExcerptLength)] + "…";
    }
}
