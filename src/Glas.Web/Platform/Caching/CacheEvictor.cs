using Glas.Web.Platform.Database;
using Microsoft.AspNetCore.OutputCaching;
using Npgsql;

namespace Glas.Web.Platform.Caching;

/// <summary>
/// Evicts cached pages by tag on this node at once, and tells the other nodes through PostgreSQL
/// (NOTIFY on <see cref="Channel"/>; each node LISTENs, see <see cref="CacheEvictionListener"/>).
/// The database every node already shares carries the message: no further software to run.
/// </summary>
public sealed class CacheEvictor(IOutputCacheStore store, IConfiguration configuration, ILogger<CacheEvictor> logger)
{
    public const string Channel = "glas_cache";

    /// <summary>NOTIFY carries at most 8000 bytes; more tags than fit evict everything.</summary>
    private const int MaxPayload = 7000;

    /// <summary>This process, so it can pass over its own notifications.</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    public async Task EvictAsync(IReadOnlyCollection<string> tags, CancellationToken ct = default)
    {
        if (tags.Count == 0)
        {
            return;
        }
        await EvictLocallyAsync(tags, ct);
        var payload = NodeId + " " + string.Join(' ', tags);
        if (payload.Length > MaxPayload)
        {
            payload = NodeId + " " + CacheScopes.All;
        }
        try
        {
            await using var connection = new NpgsqlConnection(configuration.GlasConnectionString());
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", payload);
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // The write has committed; the other nodes' entries still expire within the cache's lifetime.
            logger.LogWarning(ex, "Could not tell the other nodes to evict {Tags}", payload);
        }
    }

    public async Task EvictLocallyAsync(IEnumerable<string> tags, CancellationToken ct = default)
    {
        foreach (var tag in tags)
        {
            await store.EvictByTagAsync(tag, ct);
        }
    }

    /// <summary>Applies a notification of another node: "node tag tag …".</summary>
    public Task ApplyAsync(string payload, CancellationToken ct)
    {
        var parts = payload.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length < 2 || parts[0] == NodeId ? Task.CompletedTask : EvictLocallyAsync(parts.Skip(1), ct);
    }
}

/// <summary>
/// Listens for the other nodes' evictions. While the connection is down, notifications are lost,
/// so after every (re)connection this node evicts everything it holds.
/// </summary>
public sealed class CacheEvictionListener(CacheEvictor evictor, IConfiguration configuration, ILogger<CacheEvictionListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(configuration.GlasConnectionString());
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => _ = evictor.ApplyAsync(e.Payload, CancellationToken.None);
                await using (var listen = new NpgsqlCommand($"LISTEN {CacheEvictor.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                await evictor.EvictLocallyAsync([CacheScopes.All], stoppingToken);
                delay = TimeSpan.FromMilliseconds(250);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.IO.IOException or InvalidOperationException)
            {
                logger.LogWarning("Cache eviction listener lost the database ({Message}); retrying in {Delay}", ex.Message, delay);
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }
}
