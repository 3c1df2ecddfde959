using System.Net.Sockets;
using Npgsql;

namespace Glas.Web.Platform.Web;

/// <summary>
/// The database is away (restarting, failing over, unreachable): the request is answered 503 with
/// Retry-After, never 500, and nothing was saved. The job runner retries its work later by itself.
/// </summary>
public static class Unavailable
{
    public const string RetryAfterSeconds = "5";

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    // Class 08 (connection), 57P01–57P03 (shutting down, cannot connect now), 53300 (too many connections).
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300";
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException:
                    return true;
                case SocketException:
                case TimeoutException:
                    return true;
                default:
                    break;
            }
        }
        return false;
    }
}
