using System.Collections.Concurrent;
using Glas.Web.Platform.Email;
using Glas.Web.Platform.Jobs;
using Glas.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Jobs;

/// <summary>
/// A batch handler driven by its payloads: "ok:…" is done, "fail:…" is reported failed,
/// "throw:…" breaks the batch, "cancel:…" stops the runner as if the instance shut down.
/// </summary>
public sealed class RecordingBatchJob : IBatchJobHandler
{
    public const string KindName = "test.batch";
    public static readonly ConcurrentDictionary<string, int> Runs = new();
    public static readonly ConcurrentBag<int> BatchSizes = [];
    public static CancellationTokenSource Shutdown { get; set; } = new();

    public string Kind => KindName;

    public int BatchSize => 25;

    public Task RunAsync(string payload, CancellationToken ct) => throw new InvalidOperationException("Runs in batches only.");

    public async Task RunBatchAsync(IReadOnlyList<Job> jobs, Func<Job, Exception?, Task> finished, CancellationToken ct)
    {
        BatchSizes.Add(jobs.Count);
        foreach (var job in jobs)
        {
            var payload = System.Text.Json.JsonSerializer.Deserialize<string>(job.Payload)!;
            if (payload.StartsWith("throw:", StringComparison.Ordinal))
            {
                throw new IOException("Connection lost");
            }
            if (payload.StartsWith("cancel:", StringComparison.Ordinal))
            {
                await Shutdown.CancelAsync();
                ct.ThrowIfCancellationRequested();
            }
            Runs.AddOrUpdate(payload, 1, (_, n) => n + 1);
            await finished(job, payload.StartsWith("fail:", StringComparison.Ordinal) ? new InvalidOperationException("Mailbox unavailable") : null);
        }
    }
}

/// <summary>The runner driven by hand, with the batch handler and e-mails in batches of 10.</summary>
public sealed class BatchJobsFactory : GlasFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Glas:Jobs:Enabled"] = "false",
        ["Glas:Jobs:MaxAttempts"] = "3",
        ["Glas:Jobs:BaseDelay"] = "00:00:00",
        ["Glas:Email:BatchSize"] = "10",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IJobHandler, RecordingBatchJob>());
    }
}

[Trait("Category", "Integration")]
public class BatchJobTests(BatchJobsFactory app) : IClassFixture<BatchJobsFactory>
{
    private Task<List<Job>> QueueAsync(IEnumerable<string> payloads) => app.WithDbAsync(async db =>
    {
        var jobs = payloads.Select(p => db.EnqueueJob(RecordingBatchJob.KindName, p, DateTimeOffset.UtcNow.AddSeconds(-1))).ToList();
        await db.SaveChangesAsync();
        return jobs;
    });

    private Task<Dictionary<long, Job>> StoredAsync(IEnumerable<Job> jobs)
    {
        var ids = jobs.Select(j => j.Id).ToList();
        return app.WithDbAsync(db => db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id));
    }

    private async Task DrainAsync(CancellationToken ct = default)
    {
        var runner = app.Services.GetRequiredService<JobRunner>();
        while (await runner.RunOneAsync(ct))
        {
        }
    }

    [Fact]
    public async Task Three_runners_take_the_jobs_in_batches_and_run_each_exactly_once()
    {
        var payloads = Enumerable.Range(0, 300).Select(i => $"ok:{Guid.NewGuid():N}-{i}").ToList();
        var jobs = await QueueAsync(payloads);
        await Task.WhenAll(DrainAsync(), DrainAsync(), DrainAsync());

        payloads.ShouldAllBe(p => RecordingBatchJob.Runs[p] == 1);
        (await StoredAsync(jobs)).Values.ShouldAllBe(j => j.Status == JobStatus.Done && j.Attempts == 1 && j.CompletedAt != null);
        RecordingBatchJob.BatchSizes.Max().ShouldBe(25);
    }

    [Fact]
    public async Task A_failed_job_fails_alone_and_a_broken_batch_keeps_what_was_done_and_retries_the_rest()
    {
        // Other due work (e.g. the demo data's search indexing) would be claimed first: run it out of the way.
        await DrainAsync();
        var stamp = Guid.NewGuid().ToString("N");
        var jobs = await QueueAsync(["ok:a" + stamp, "fail:b" + stamp, "ok:c" + stamp, "throw:d" + stamp, "ok:e" + stamp]);
        await app.Services.GetRequiredService<JobRunner>().RunOneAsync(CancellationToken.None);

        var stored = await StoredAsync(jobs);
        stored[jobs[0].Id].Status.ShouldBe(JobStatus.Done);
        stored[jobs[1].Id].Status.ShouldBe(JobStatus.Pending);
        stored[jobs[1].Id].LastError.ShouldBe("Mailbox unavailable");
        stored[jobs[2].Id].Status.ShouldBe(JobStatus.Done);
        // The job that broke the batch and the one after it were not sent: they wait for a retry.
        stored[jobs[3].Id].Status.ShouldBe(JobStatus.Pending);
        stored[jobs[3].Id].LastError.ShouldBe("Connection lost");
        stored[jobs[4].Id].Status.ShouldBe(JobStatus.Pending);
        stored[jobs[4].Id].Attempts.ShouldBe(1);
        RecordingBatchJob.Runs.ContainsKey("ok:e" + stamp).ShouldBeFalse();

        // Retried until given up (the job after the broken one shares its batches); the done ones are never run again.
        for (var i = 0; i < 5; i++)
        {
            await DrainAsync();
        }
        RecordingBatchJob.Runs["ok:a" + stamp].ShouldBe(1);
        RecordingBatchJob.Runs["ok:c" + stamp].ShouldBe(1);
        stored = await StoredAsync(jobs);
        stored[jobs[1].Id].Status.ShouldBe(JobStatus.Failed);
        stored[jobs[1].Id].Attempts.ShouldBe(3);
        stored[jobs[3].Id].Status.ShouldBe(JobStatus.Failed);
    }

    [Fact]
    public async Task On_shutdown_the_jobs_not_reached_are_handed_back_at_once_and_the_done_ones_stay_done()
    {
        await DrainAsync();
        var stamp = Guid.NewGuid().ToString("N");
        var jobs = await QueueAsync(["ok:a" + stamp, "cancel:b" + stamp, "ok:c" + stamp]);
        RecordingBatchJob.Shutdown = new CancellationTokenSource();
        await Should.ThrowAsync<OperationCanceledException>(() => app.Services.GetRequiredService<JobRunner>().RunOneAsync(RecordingBatchJob.Shutdown.Token));

        var stored = await StoredAsync(jobs);
        stored[jobs[0].Id].Status.ShouldBe(JobStatus.Done);
        stored[jobs[1].Id].Status.ShouldBe(JobStatus.Pending);
        stored[jobs[1].Id].Attempts.ShouldBe(0);
        stored[jobs[1].Id].LockedAt.ShouldBeNull();
        stored[jobs[2].Id].Status.ShouldBe(JobStatus.Pending);
        stored[jobs[2].Id].Attempts.ShouldBe(0);
        RecordingBatchJob.Runs["ok:a" + stamp].ShouldBe(1);
    }

    [Fact]
    public async Task Queued_emails_are_written_in_batches_each_once_named_after_its_job_and_a_bad_one_fails_alone()
    {
        var stamp = Guid.NewGuid().ToString("N")[..8];
        var jobs = await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow.AddSeconds(-1);
            var queued = Enumerable.Range(0, 23).Select(i => db.EnqueueJob(EmailOutbox.JobKind, new EmailMessage($"reader{i}@example.org", $"Партида {stamp} {i}", "Текст"), now)).ToList();
            queued.Insert(5, db.EnqueueJob(EmailOutbox.JobKind, new EmailMessage("not an address <<", $"Партида {stamp} лош", "Текст"), now));
            await db.SaveChangesAsync();
            return queued;
        });
        await DrainAsync();

        var stored = await StoredAsync(jobs);
        // Retried at once here (no back-off), then given up; it did not hold up the others.
        stored[jobs[5].Id].Status.ShouldBe(JobStatus.Failed);
        stored[jobs[5].Id].LastError.ShouldNotBeNull();
        foreach (var job in jobs.Where((_, i) => i != 5))
        {
            stored[job.Id].Status.ShouldBe(JobStatus.Done);
            var file = Path.Combine(app.MailDirectory, $"glas-{job.Id}.eml");
            File.Exists(file).ShouldBeTrue();
            (await File.ReadAllTextAsync(file)).ShouldContain($"Message-Id: <glas-{job.Id}-");
        }
        Directory.GetFiles(app.MailDirectory, "glas-*.eml").Length.ShouldBeGreaterThanOrEqualTo(23);
    }
}
