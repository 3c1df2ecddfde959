namespace Glas.Web.Feedback;

/// <summary>
/// The steps of a report: получен → разпределен → в процес → отговорен → приключен, and at any
/// open step препратен, отхвърлен or дубликат. An answered report may be reopened once by its
/// sender (back to в процес).
/// </summary>
public static class FeedbackStatusMachine
{
    private static readonly Dictionary<FeedbackStatus, FeedbackStatus[]> Next = new()
    {
        [FeedbackStatus.Received] = [FeedbackStatus.Assigned, FeedbackStatus.InProgress, FeedbackStatus.Answered, FeedbackStatus.Forwarded, FeedbackStatus.Rejected, FeedbackStatus.Duplicate],
        [FeedbackStatus.Assigned] = [FeedbackStatus.Assigned, FeedbackStatus.InProgress, FeedbackStatus.Answered, FeedbackStatus.Forwarded, FeedbackStatus.Rejected, FeedbackStatus.Duplicate],
        [FeedbackStatus.InProgress] = [FeedbackStatus.Assigned, FeedbackStatus.Answered, FeedbackStatus.Forwarded, FeedbackStatus.Rejected, FeedbackStatus.Duplicate],
        [FeedbackStatus.Answered] = [FeedbackStatus.Closed, FeedbackStatus.InProgress],
        [FeedbackStatus.Closed] = [FeedbackStatus.InProgress],
        [FeedbackStatus.Forwarded] = [],
        [FeedbackStatus.Rejected] = [],
        [FeedbackStatus.Duplicate] = [],
    };

    public static bool CanMove(FeedbackStatus from, FeedbackStatus to) => Next[from].Contains(to);

    public static IReadOnlyList<FeedbackStatus> NextOf(FeedbackStatus from) => Next[from];

    /// <summary>Still waiting for a decision: the deadline runs.</summary>
    public static bool IsOpen(FeedbackStatus status) => status is FeedbackStatus.Received or FeedbackStatus.Assigned or FeedbackStatus.InProgress;

    /// <summary>The sender may add information while the report is open.</summary>
    public static bool AcceptsInformation(FeedbackStatus status) => IsOpen(status);

    /// <summary>Open311's two states: a report is "open" until it is decided one way or another.</summary>
    public static string Open311Status(FeedbackStatus status) => IsOpen(status) ? "open" : "closed";

    /// <summary>The Glas statuses an Open311 status filter stands for; null for an unknown one.</summary>
    public static FeedbackStatus[]? FromOpen311(string status) => status switch
    {
        "open" => Enum.GetValues<FeedbackStatus>().Where(IsOpen).ToArray(),
        "closed" => Enum.GetValues<FeedbackStatus>().Where(s => !IsOpen(s)).ToArray(),
        _ => null,
    };
}
