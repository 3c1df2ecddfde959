using System.Security.Cryptography;
using System.Text;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Glas.Web.Surveys;

/// <summary>Why a response was not stored.</summary>
public enum SubmitOutcome
{
    Saved,
    AlreadyAnswered,
    InvitationInvalid,
    Closed,
}

/// <summary>Stores responses whole (or not at all) and reads what results count.</summary>
public sealed class SurveyStore(GlasDbContext db, TenantContext tenant, TimeProvider time, ResultsCache cache)
{
    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    /// <summary>The browser's key for one survey: a hash of its cookie and the survey, so keys of two surveys cannot be matched.</summary>
    public static string BrowserKey(string cookie, Guid surveyId) => Hash(cookie + ":" + surveyId.ToString("N"));

    /// <summary>An open invitation of the survey for a token, or null.</summary>
    public Task<SurveyInvitation?> InvitationAsync(Guid surveyId, string? token, CancellationToken ct) =>
        string.IsNullOrEmpty(token) || token.Length > 64 ? Task.FromResult<SurveyInvitation?>(null)
            : db.SurveyInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.SurveyId == surveyId && i.TokenHash == Hash(token) && !i.Used, ct);

    /// <summary>
    /// Saves a submitted response in one transaction: the invitation is spent (and its address
    /// forgotten) together with the response being written, or neither happens.
    /// </summary>
    public async Task<SubmitOutcome> SubmitAsync(Survey survey, IReadOnlyDictionary<int, Answer> answers, string? group, Guid? userId, string? browserKey, string? token, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!survey.IsOpen(now))
        {
            return SubmitOutcome.Closed;
        }
        var definition = survey.Questionnaire();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (survey.Audience == SurveyAudience.Invitation)
        {
            var hash = token is { Length: > 0 and <= 64 } ? Hash(token) : "";
            var spent = await db.SurveyInvitations.Where(i => i.SurveyId == survey.Id && i.TokenHash == hash && !i.Used)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Used, true).SetProperty(i => i.Email, (string?)null), ct);
            if (spent != 1)
            {
                return SubmitOutcome.InvitationInvalid;
            }
            userId = null;
            browserKey = null;
        }
        SurveyResponse? response = null;
        if (userId is { } user)
        {
            response = await db.SurveyResponses.FirstOrDefaultAsync(r => r.SurveyId == survey.Id && r.UserId == user, ct);
            if (response?.SubmittedAt is not null)
            {
                return SubmitOutcome.AlreadyAnswered;
            }
        }
        if (response is null)
        {
            response = new SurveyResponse { Id = Guid.CreateVersion7(now), TenantId = tenant.Required.Id, SurveyId = survey.Id, UserId = userId, BrowserKey = browserKey, StartedAt = now };
            db.SurveyResponses.Add(response);
        }
        response.Group = group;
        response.Answers = AnswerRules.ToJson(answers);
        response.Codes = AnswerRules.Codes(definition, answers);
        response.Numbers = AnswerRules.Numbers(answers);
        response.SubmittedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return SubmitOutcome.Saved;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return SubmitOutcome.AlreadyAnswered;
        }
    }

    /// <summary>Keeps a participant's unfinished answers so they can come back to them.</summary>
    public async Task SaveDraftAsync(Survey survey, Guid userId, IReadOnlyDictionary<int, Answer> answers, string? group, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var response = await db.SurveyResponses.FirstOrDefaultAsync(r => r.SurveyId == survey.Id && r.UserId == userId, ct);
        if (response?.SubmittedAt is not null)
        {
            return;
        }
        if (response is null)
        {
            response = new SurveyResponse { Id = Guid.CreateVersion7(now), TenantId = tenant.Required.Id, SurveyId = survey.Id, UserId = userId, StartedAt = now };
            db.SurveyResponses.Add(response);
        }
        response.Group = group;
        response.Answers = AnswerRules.ToJson(answers);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The results of a survey under a filter. Counting 100,000 responses takes a few hundred
    /// milliseconds, so each filter's results are kept with the rows they were counted from, and
    /// counted again only when a response is submitted or the questionnaire changes.
    /// </summary>
    public async Task<SurveyResultSet> ResultsAsync(Survey survey, ResultsFilter filter, CancellationToken ct)
    {
        var entry = await EntryAsync(survey.Id, ct);
        return entry.Results((survey.Definition, survey.Audience, filter), () => ResultsMath.Compute(survey.Questionnaire(), survey.Audience, entry.Rows, filter));
    }

    /// <summary>
    /// Every submitted response of a survey as results count it, kept in memory while no response is
    /// submitted. Whether one was is told by counting only the submissions from
    /// <see cref="ResultsCache.Window"/> before the newest one read: a new submission is stamped at
    /// its saving, so it falls in that range even when its transaction commits after a later one's.
    /// Counting all 100,000 responses per request instead cost tens of milliseconds.
    /// </summary>
    private async Task<ResultsCache.Entry> EntryAsync(Guid surveyId, CancellationToken ct)
    {
        if (cache.TryGet(surveyId) is { } cached)
        {
            var submitted = Submitted(surveyId);
            if (cached.Newest is { } newest)
            {
                var from = newest - ResultsCache.Window;
                submitted = submitted.Where(r => r.SubmittedAt >= from);
            }
            var recent = await submitted.CountAsync(ct);
            if (recent == cached.Recent)
            {
                return cached;
            }
        }
        var rows = await Submitted(surveyId).AsNoTracking()
            .Select(r => new { r.Group, r.Codes, r.Numbers, r.SubmittedAt }).ToListAsync(ct);
        var latest = rows.Count == 0 ? (DateTimeOffset?)null : rows.Max(r => r.SubmittedAt!.Value);
        var recentFrom = latest - ResultsCache.Window;
        var result = rows.Select(r => new ResponseRow(r.Group, r.Codes, r.Numbers, DateOnly.FromDateTime(Formats.ToSofia(r.SubmittedAt!.Value).DateTime))).ToList();
        return cache.Set(surveyId, new ResultsCache.Entry(latest, rows.Count(r => r.SubmittedAt >= recentFrom), result));
    }

    public Task<bool> HasResponsesAsync(Guid surveyId, CancellationToken ct) => Submitted(surveyId).AnyAsync(ct);

    /// <summary>The submitted (whole) responses of a survey: what results count.</summary>
    private IQueryable<SurveyResponse> Submitted(Guid surveyId) => db.SurveyResponses.Where(r => r.SurveyId == surveyId && r.SubmittedAt != null);
}

/// <summary>
/// The counted rows of recently viewed surveys, each with its newest submission and how many were
/// submitted in the <see cref="Window"/> before it, and the results counted from them so far (per
/// questionnaire, audience and filter).
/// </summary>
public sealed class ResultsCache
{
    /// <summary>
    /// How much earlier than the newest submission another may be stamped and still commit later
    /// (a slow transaction, or another node's clock).
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private const int MaxSurveys = 20;

    /// <summary>Most filters' results kept per survey; beyond it the rows are counted again per request.</summary>
    private const int MaxResults = 64;

    public sealed class Entry(DateTimeOffset? newest, int recent, IReadOnlyList<ResponseRow> rows)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Definition, SurveyAudience Audience, ResultsFilter Filter), SurveyResultSet> results = new();

        /// <summary>The newest submission read; null when there was none.</summary>
        public DateTimeOffset? Newest { get; } = newest;

        /// <summary>How many submissions were read from <see cref="Window"/> before <see cref="Newest"/> on (all when there was none).</summary>
        public int Recent { get; } = recent;

        public IReadOnlyList<ResponseRow> Rows { get; } = rows;
        public long Used { get; set; }

        /// <summary>The results for a key, computed at most once while there is room for them.</summary>
        public SurveyResultSet Results((string Definition, SurveyAudience Audience, ResultsFilter Filter) key, Func<SurveyResultSet> compute)
        {
            if (results.TryGetValue(key, out var found))
            {
                return found;
            }
            var computed = compute();
            return results.Count < MaxResults ? results.GetOrAdd(key, computed) : computed;
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Entry> entries = new();
    private long clock;

    public Entry? TryGet(Guid surveyId)
    {
        if (entries.TryGetValue(surveyId, out var e))
        {
            e.Used = Interlocked.Increment(ref clock);
            return e;
        }
        return null;
    }

    public Entry Set(Guid surveyId, Entry entry)
    {
        entry.Used = Interlocked.Increment(ref clock);
        entries[surveyId] = entry;
        if (entries.Count > MaxSurveys && entries.MinBy(x => x.Value.Used) is var oldest)
        {
            entries.TryRemove(oldest.Key, out _);
        }
        return entry;
    }
}
