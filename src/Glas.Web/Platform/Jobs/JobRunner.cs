using System.Text.Json;
using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Glas.Web.Platform.Jobs;

public sealed class JobOptions
{
    public bool Enabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public int MaxAttempts { get; set; } = 6;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A job running longer than this is taken to belong to a dead instance and is retried.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(10);
}

public interface IJobHandler
{
    string Kind { get; }
    Task RunAsync(string payload, CancellationToken ct);
}

/// <summary>
/// Work the runner repeats, such as a clock or a daily digest. The runner books the first run when it
/// starts (unless one is booked) and the next one after every run, successful or given up; with
/// several instances the unique index on <see cref="Job.Kind"/> keeps it to one booking per kind.
/// </summary>
public interface IRecurringJob : IJobHandler
{
    /// <summary>When to run next, after a run that ended at <paramref name="now"/>.</summary>
    DateTimeOffset NextRun(DateTimeOffset now);

    /// <summary>When to run first, when no run is booked (at the runner's start).</summary>
    DateTimeOffset FirstRun(DateTimeOffset now) => NextRun(now);
}

/// <summary>
/// A handler that takes many due jobs of its kind at once (e-mails over one SMTP connection, say).
/// It reports each job as soon as that one is finished, and the runner records it there and then,
/// so a crash or a restart repeats at most the job in hand, never the ones already done.
/// </summary>
public interface IBatchJobHandler : IJobHandler
{
    /// <summary>Most jobs claimed together; 1 runs them one at a time.</summary>
    int BatchSize { get; }

    /// <summary>
    /// Runs <paramref name="jobs"/> in order, awaiting <paramref name="finished"/> after each with
    /// null (done) or the reason it failed. Throwing fails every job not yet reported (they are
    /// retried later with back-off).
    /// </summary>
    Task RunBatchAsync(IReadOnlyList<Job> jobs, Func<Job, Exception?, Task> finished, CancellationToken ct);
}

public static class Backoff
{
    /// <summary>Exponential back-off: base × 2^(attempt−1), capped at six hours.</summary>
    public static TimeSpan After(int attempt, TimeSpan baseDelay)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(baseDelay.Ticks * factor, TimeSpan.FromHours(6).Ticks));
        return delay;
    }
}

/// <summary>Wakes the runner when a job is queued, so work does not wait for the next poll.</summary>
public sealed class JobSignal : IDisposable
{
    private readonly SemaphoreSlim signal = new(0);

    public void Notify()
    {
        if (signal.CurrentCount == 0)
        {
            signal.Release();
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);

    public void Dispose() => signal.Dispose();
}

public static class JobQueueing
{
    /// <summary>Adds a job to the context; it is queued when the caller saves, together with its change.</summary>
    public static Job EnqueueJob(this GlasDbContext db, string kind, object payload, DateTimeOffset now)
    {
        var job = new Job
        {
            Kind = kind,
            Payload = JsonSerializer.Serialize(payload),
            Status = JobStatus.Pending,
            RunAt = now,
            CreatedAt = now,
        };
        db.Jobs.Add(job);
        return job;
    }

    /// <summary>
    /// Queues many jobs of one kind with one statement, in the caller's transaction (e.g. a digest's
    /// ten thousand e-mails), without tracking an entity for each. Returns how many were queued.
    /// </summary>
    public static Task<int> EnqueueJobsAsync<T>(this GlasDbContext db, string kind, IEnumerable<T> payloads, DateTimeOffset now, CancellationToken ct)
    {
        var json = payloads.Select(p => JsonSerializer.Serialize(p)).ToArray();
        return json.Length == 0 ? Task.FromResult(0) : db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Jobs" ("Kind", "Payload", "Status", "Attempts", "RunAt", "CreatedAt", "Recurring")
            SELECT {kind}, p::jsonb, 'Pending', 0, {now}, {now}, FALSE FROM unnest({json}) AS p
            """, ct);
    }
}

/// <summary>Runs queued jobs; safe with several instances because a job is claimed with SKIP LOCKED.</summary>
public sealed class JobRunner(
    IServiceScopeFactory scopes,
    IEnumerable<IJobHandler> handlers,
    JobSignal signal,
    TimeProvider time,
    IOptions<JobOptions> options,
    ILogger<JobRunner> logger) : BackgroundService
{
    /// <summary>The filter of the index that allows one waiting or running booking per recurring kind.</summary>
    public const string OneBookingFilter = "\"Recurring\" AND \"Status\" IN ('Pending', 'Running')";

    private readonly Dictionary<string, IJobHandler> byKind = handlers.ToDictionary(h => h.Kind);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        var booked = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!booked)
                {
                    await BookRecurringAsync(stoppingToken);
                    booked = true;
                }
                while (await RunOneAsync(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Job runner loop failed; retrying after the poll interval");
            }
            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Books the first run of every recurring job that has none waiting.</summary>
    public async Task BookRecurringAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
        var now = time.GetUtcNow();
        foreach (var job in byKind.Values.OfType<IRecurringJob>())
        {
            await BookAsync(db, job.Kind, job.FirstRun(now), now, ct);
        }
    }

    private static Task<int> BookAsync(GlasDbContext db, string kind, DateTimeOffset runAt, DateTimeOffset now, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Jobs" ("Kind", "Payload", "Status", "Attempts", "RunAt", "CreatedAt", "Recurring")
            VALUES ({kind}, jsonb_build_object(), 'Pending', 0, {runAt}, {now}, TRUE)
            ON CONFLICT ("Kind") WHERE "Recurring" AND "Status" IN ('Pending', 'Running') DO NOTHING
            """, ct);

    /// <summary>Claims and runs one due job of a kind this instance handles. Returns false when none was due.</summary>
    public async Task<bool> RunOneAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
        var now = time.GetUtcNow();
        var stale = now - options.Value.StaleAfter;
        var kinds = byKind.Keys.ToArray();
        var job = (await db.Jobs.FromSql($"""
            UPDATE "Jobs" SET "Status" = 'Running', "LockedAt" = {now}, "Attempts" = "Attempts" + 1
            WHERE "Id" = (
                SELECT "Id" FROM "Jobs"
                WHERE (("Status" = 'Pending' AND "RunAt" <= {now}) OR ("Status" = 'Running' AND "LockedAt" < {stale})) AND "Kind" = ANY({kinds})
                ORDER BY "RunAt" LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(ct)).FirstOrDefault();
        if (job is null)
        {
            return false;
        }

        if (byKind.GetValueOrDefault(job.Kind) is IBatchJobHandler batch)
        {
            await RunBatchAsync(db, batch, job, now, stale, ct);
            return true;
        }

        string? error = null;
        using var activity = Telemetry.GlasTelemetry.Source.StartActivity("job " + job.Kind);
        activity?.SetTag("glas.job.id", job.Id);
        activity?.SetTag("glas.job.attempt", job.Attempts);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            if (!byKind.TryGetValue(job.Kind, out var handler))
            {
                throw new InvalidOperationException($"No handler for job kind '{job.Kind}'.");
            }
            await handler.RunAsync(job.Payload, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = ex.Message;
            logger.LogWarning(ex, "Job {JobId} ({Kind}) failed on attempt {Attempt}", job.Id, job.Kind, job.Attempts);
        }
        Telemetry.GlasTelemetry.JobDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>("kind", job.Kind), new KeyValuePair<string, object?>("outcome", error is null ? "done" : "failed"));
        activity?.SetStatus(error is null ? System.Diagnostics.ActivityStatusCode.Ok : System.Diagnostics.ActivityStatusCode.Error, error);
        await FinishAsync(db, job, error, ct);
        return true;
    }

    /// <summary>
    /// Claims up to <see cref="IBatchJobHandler.BatchSize"/> − 1 more due jobs of the first one's
    /// kind (SKIP LOCKED, as the first) and runs them together, recording each as it is reported.
    /// On shutdown the jobs not reached are handed back at once rather than after <see cref="JobOptions.StaleAfter"/>.
    /// </summary>
    private async Task RunBatchAsync(GlasDbContext db, IBatchJobHandler handler, Job first, DateTimeOffset now, DateTimeOffset stale, CancellationToken ct)
    {
        var jobs = new List<Job> { first };
        var more = handler.BatchSize - 1;
        if (more > 0)
        {
            jobs.AddRange((await db.Jobs.FromSql($"""
                UPDATE "Jobs" SET "Status" = 'Running', "LockedAt" = {now}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (
                    SELECT "Id" FROM "Jobs"
                    WHERE (("Status" = 'Pending' AND "RunAt" <= {now}) OR ("Status" = 'Running' AND "LockedAt" < {stale})) AND "Kind" = {first.Kind}
                    ORDER BY "RunAt" LIMIT {more}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(ct)).OrderBy(j => j.RunAt).ThenBy(j => j.Id));
        }
        var open = jobs.Select(j => j.Id).ToHashSet();
        try
        {
            await handler.RunBatchAsync(jobs, async (job, failure) =>
            {
                if (!open.Remove(job.Id))
                {
                    return;
                }
                if (failure is not null)
                {
                    logger.LogWarning(failure, "Job {JobId} ({Kind}) failed on attempt {Attempt}", job.Id, job.Kind, job.Attempts);
                }
                await FinishAsync(db, job, failure?.Message, CancellationToken.None);
            }, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            var unfinished = open.ToArray();
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "Jobs" SET "Status" = 'Pending', "LockedAt" = NULL, "Attempts" = "Attempts" - 1
                WHERE "Id" = ANY({unfinished}) AND "Status" = 'Running'
                """, CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A batch of {Count} {Kind} jobs failed with {Open} not finished", jobs.Count, first.Kind, open.Count);
            foreach (var job in jobs.Where(j => open.Contains(j.Id)))
            {
                await FinishAsync(db, job, ex.Message, CancellationToken.None);
            }
            return;
        }
        // A job the handler did not report was not run: it is retried.
        foreach (var job in jobs.Where(j => open.Contains(j.Id)))
        {
            await FinishAsync(db, job, "Not run by its batch.", CancellationToken.None);
        }
    }

    /// <summary>Records how a claimed job ended: done, back to waiting with back-off, or failed for good; books the next run of a recurring one.</summary>
    private async Task FinishAsync(GlasDbContext db, Job job, string? error, CancellationToken ct)
    {
        var finished = time.GetUtcNow();
        var failedForGood = error is not null && job.Attempts >= options.Value.MaxAttempts;
        var status = error is null ? JobStatus.Done : failedForGood ? JobStatus.Failed : JobStatus.Pending;
        var runAt = error is null || failedForGood ? job.RunAt : finished + Backoff.After(job.Attempts, options.Value.BaseDelay);
        await db.Jobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, status)
            .SetProperty(j => j.RunAt, runAt)
            .SetProperty(j => j.LastError, error)
            .SetProperty(j => j.LockedAt, (DateTimeOffset?)null)
            .SetProperty(j => j.CompletedAt, error is null ? finished : null), ct);
        if (status != JobStatus.Pending && byKind.GetValueOrDefault(job.Kind) is IRecurringJob recurring)
        {
            await BookAsync(db, recurring.Kind, recurring.NextRun(finished), finished, ct);
        }
    }
}

public static class JobsExtensions
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobOptions>(configuration.GetSection("Glas:Jobs"));
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        return services;
    }
}
