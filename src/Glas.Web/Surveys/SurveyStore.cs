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
    /// Every submitted response of a survey as results count it. The rows are kept in memory until
    /// the survey's count or newest submission changes, which one index-only query tells.
    /// </summary>
    public async Task<IReadOnlyList<ResponseRow>> RowsAsync(Guid surveyId, CancellationToken ct)
    {
        var stamp = await db.SurveyResponses.Where(r => r.SurveyId == surveyId && r.SubmittedAt != null)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Newest = g.Max(r => r.SubmittedAt) }).FirstOrDefaultAsync(ct);
        var version = (stamp?.Count ?? 0, stamp?.Newest);
        if (cache.TryGet(surveyId, version) is { } cached)
        {
            return cached;
        }
        var rows = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == surveyId && r.SubmittedAt != null)
            .Select(r => new { r.Group, r.Codes, r.Numbers, r.SubmittedAt }).ToListAsync(ct);
        var result = rows.Select(r => new ResponseRow(r.Group, r.Codes, r.Numbers, DateOnly.FromDateTime(Formats.ToSofia(r.SubmittedAt!.Value).DateTime))).ToList();
        cache.Set(surveyId, version, result);
        return result;
    }

    public Task<bool> HasResponsesAsync(Guid surveyId, CancellationToken ct) =>
        db.SurveyResponses.AnyAsync(r => r.SurveyId == surveyId && r.SubmittedAt != null, ct);
}

/// <summary>The counted rows of recently viewed surveys, each with the count and newest submission it was read at.</summary>
public sealed class ResultsCache
{
    private const int MaxSurveys = 20;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, (int Count, DateTimeOffset? Newest, IReadOnlyList<ResponseRow> Rows, long Used)> entries = new();
    private long clock;

    public IReadOnlyList<ResponseRow>? TryGet(Guid surveyId, (int Count, DateTimeOffset? Newest) version)
    {
        if (entries.TryGetValue(surveyId, out var e) && e.Count == version.Count && e.Newest == version.Newest)
        {
            entries[surveyId] = e with { Used = Interlocked.Increment(ref clock) };
            return e.Rows;
        }
        return null;
    }

    public void Set(Guid surveyId, (int Count, DateTimeOffset? Newest) version, IReadOnlyList<ResponseRow> rows)
    {
        entries[surveyId] = (version.Count, version.Newest, rows, Interlocked.Increment(ref clock));
        if (entries.Count > MaxSurveys && entries.MinBy(x => x.Value.Used) is var oldest)
        {
            entries.TryRemove(oldest.Key, out _);
        }
    }
}
