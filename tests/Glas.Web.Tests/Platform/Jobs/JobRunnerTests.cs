using Glas.Web.Consultations;
using Glas.Web.Participation.Notifications;
using Glas.Web.Platform.Jobs;
using Glas.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Jobs;

public sealed class CountingJob : IJobHandler
{
    public const string KindName = "test.count";
    public const string FailingKind = "test.fail";
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Runs = new();

    public string Kind => KindName;

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        Runs.AddOrUpdate(payload, 1, (_, n) => n + 1);
        await Task.Delay(5, ct);
    }
}

public sealed class FailingJob : IJobHandler
{
    public string Kind => CountingJob.FailingKind;

    public Task RunAsync(string payload, CancellationToken ct) => throw new InvalidOperationException("SMTP server said no");
}

/// <summary>The runner is driven by hand here, so the tests decide when jobs run.</summary>
public sealed class JobsFactory : GlasFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Glas:Jobs:Enabled"] = "false",
        ["Glas:Jobs:MaxAttempts"] = "3",
        ["Glas:Jobs:BaseDelay"] = "00:00:00",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<IJobHandler, CountingJob>();
            s.AddSingleton<IJobHandler, FailingJob>();
        });
    }
}

[Trait("Category", "Integration")]
public class JobRunnerTests(JobsFactory app) : IClassFixture<JobsFactory>
{
    [Fact]
    public async Task Two_runners_working_the_same_table_run_each_job_exactly_once()
    {
        var now = DateTimeOffset.UtcNow;
        var payloads = Enumerable.Range(0, 60).Select(i => $"job-{Guid.NewGuid():N}-{i}").ToList();
        await app.WithDbAsync(async db =>
        {
            foreach (var p in payloads)
            {
                db.EnqueueJob(CountingJob.KindName, p, now.AddSeconds(-1));
            }
            return await db.SaveChangesAsync();
        });

        var runner = app.Services.GetRequiredService<JobRunner>();
        async Task Drain()
        {
            while (await runner.RunOneAsync(CancellationToken.None))
            {
            }
        }
        await Task.WhenAll(Drain(), Drain(), Drain());

        foreach (var p in payloads)
        {
            CountingJob.Runs[System.Text.Json.JsonSerializer.Serialize(p)].ShouldBe(1);
        }
        var statuses = await app.WithDbAsync(db => db.Jobs.Where(j => j.Kind == CountingJob.KindName).Select(j => j.Status).Distinct().ToListAsync());
        statuses.ShouldBe([JobStatus.Done]);
    }

    [Fact]
    public async Task A_failing_job_is_retried_then_marked_failed_with_its_error()
    {
        var job = await app.WithDbAsync(async db =>
        {
            var j = db.EnqueueJob(CountingJob.FailingKind, "x", DateTimeOffset.UtcNow.AddSeconds(-1));
            await db.SaveChangesAsync();
            return j;
        });
        var runner = app.Services.GetRequiredService<JobRunner>();
        // Other due work (e.g. the demo data's search indexing) may come first; run until this job is done with.
        for (var i = 0; i < 200 && await app.WithDbAsync(db => db.Jobs.AsNoTracking().AnyAsync(j => j.Id == job.Id && j.Status != JobStatus.Failed)); i++)
        {
            await runner.RunOneAsync(CancellationToken.None);
            await Task.Delay(20);
        }
        var stored = await app.WithDbAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Id == job.Id));
        stored.Status.ShouldBe(JobStatus.Failed);
        stored.Attempts.ShouldBe(3);
        stored.LastError.ShouldBe("SMTP server said no");
    }

    [Fact]
    public async Task Recurring_work_is_booked_once_per_kind_and_again_after_each_run()
    {
        var runner = app.Services.GetRequiredService<JobRunner>();
        // Four instances starting together book each recurring job (clock, reminders, index, digests, search rebuild, announcements) once.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => runner.BookRecurringAsync(CancellationToken.None)));
        var booked = await app.WithDbAsync(db => db.Jobs.Where(j => j.Recurring && j.Status == JobStatus.Pending).Select(j => j.Kind).ToListAsync());
        booked.Order(StringComparer.Ordinal).ShouldBe([ConsultationClock.JobKind, Glas.Web.Events.EventReminders.JobKind, Glas.Web.ParticipationIndex.IndexRefreshJob.JobKind, DigestJob.JobKind, Glas.Web.Search.SearchRebuildJob.JobKind,
            Glas.Web.Participation.Subscriptions.AnnounceJob.JobKind, Glas.Web.Participation.Subscriptions.WeeklyDigestJob.JobKind]);

        // The clock is due a minute later; its run books the next one a minute after it ended.
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        while (await runner.RunOneAsync(CancellationToken.None))
        {
        }
        var clock = await app.WithDbAsync(db => db.Jobs.AsNoTracking().Where(j => j.Kind == ConsultationClock.JobKind).OrderBy(j => j.Id).ToListAsync());
        clock.Count.ShouldBe(2);
        clock[0].Status.ShouldBe(JobStatus.Done);
        clock[1].Status.ShouldBe(JobStatus.Pending);
        clock[1].RunAt.ShouldBe(clock[0].CompletedAt!.Value + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_job_no_handler_here_knows_is_left_for_an_instance_that_knows_it()
    {
        var job = await app.WithDbAsync(async db =>
        {
            var j = db.EnqueueJob("module.elsewhere", "x", DateTimeOffset.UtcNow.AddSeconds(-1));
            await db.SaveChangesAsync();
            return j;
        });
        var runner = app.Services.GetRequiredService<JobRunner>();
        while (await runner.RunOneAsync(CancellationToken.None))
        {
        }
        var stored = await app.WithDbAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Id == job.Id));
        stored.Status.ShouldBe(JobStatus.Pending);
        stored.Attempts.ShouldBe(0);
    }
}
