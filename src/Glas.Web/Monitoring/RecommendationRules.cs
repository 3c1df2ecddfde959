namespace Glas.Web.Monitoring;

/// <summary>A message for a form field (its key in MonitoringText) or for the API's problem details.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>What may happen to a recommendation, and when it is overdue.</summary>
public static class RecommendationRules
{
    /// <summary>Errors (as text keys by field) in an answer given on <paramref name="today"/>; empty when it may be saved.</summary>
    public static List<(string Field, string Key)> CheckAnswer(AnswerStatus current, AnswerStatus answer, string? reason, string? plannedAction, DateOnly? deadline, DateOnly today)
    {
        var errors = new List<(string, string)>();
        if (current != AnswerStatus.Pending)
        {
            errors.Add(("Answer", "Error.AlreadyAnswered"));
            return errors;
        }
        if (answer == AnswerStatus.Pending)
        {
            errors.Add(("Answer", "Error.AnswerRequired"));
            return errors;
        }
        if (answer != AnswerStatus.Accepted && string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(("Reason", "Error.ReasonRequired"));
        }
        if (answer != AnswerStatus.NotAccepted)
        {
            if (string.IsNullOrWhiteSpace(plannedAction))
            {
                errors.Add(("PlannedAction", "Error.PlannedActionRequired"));
            }
            if (deadline is not { } d)
            {
                errors.Add(("Deadline", "Error.DeadlineRequired"));
            }
            else if (d < today)
            {
                errors.Add(("Deadline", "Error.DeadlinePast"));
            }
        }
        return errors;
    }

    /// <summary>Whether implementation may move from <paramref name="from"/> to <paramref name="to"/>; implemented and not implemented are final.</summary>
    public static bool CanMove(AnswerStatus answer, ImplementationStatus? from, ImplementationStatus to) =>
        answer is AnswerStatus.Accepted or AnswerStatus.PartiallyAccepted && from switch
        {
            ImplementationStatus.Planned => to is ImplementationStatus.InProgress or ImplementationStatus.Implemented or ImplementationStatus.NotImplemented,
            ImplementationStatus.InProgress => to is ImplementationStatus.Implemented or ImplementationStatus.NotImplemented,
            _ => false,
        };

    /// <summary>Evidence is needed to say a recommendation is implemented, and a reason to say it is not.</summary>
    public static bool NeedsEvidence(ImplementationStatus to) => to is ImplementationStatus.Implemented or ImplementationStatus.NotImplemented;

    public static bool AnswerOverdue(AnswerStatus answer, DateOnly answerDue, DateOnly today) => answer == AnswerStatus.Pending && today > answerDue;

    public static bool ImplementationOverdue(ImplementationStatus? implementation, DateOnly? deadline, DateOnly today) =>
        implementation is ImplementationStatus.Planned or ImplementationStatus.InProgress && deadline is { } d && today > d;

    /// <summary>The one public status the tracker shows and filters on.</summary>
    public static string Stage(AnswerStatus answer, ImplementationStatus? implementation) =>
        answer switch
        {
            AnswerStatus.Pending => "AwaitingAnswer",
            AnswerStatus.NotAccepted => "NotAccepted",
            _ => (implementation ?? ImplementationStatus.Planned).ToString(),
        };

    public static readonly string[] Stages = ["AwaitingAnswer", "NotAccepted", "Planned", "InProgress", "Implemented", "NotImplemented"];
}
