namespace Glas.Web.Platform.Jobs;

public enum JobStatus
{
    Pending,
    Running,
    Done,
    Failed,
}

/// <summary>A unit of background work in the <c>Jobs</c> table, claimed with FOR UPDATE SKIP LOCKED.</summary>
public sealed class Job
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public required string Payload { get; set; }
    public JobStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset RunAt { get; set; }
    public DateTimeOffset? LockedAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Booked by the runner for an <see cref="IRecurringJob"/>: at most one waits or runs per kind.</summary>
    public bool Recurring { get; set; }
}
