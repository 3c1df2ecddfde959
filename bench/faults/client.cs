// The fault test's clients: N concurrent participants post comments through the consultation
// page's form, alternating between the Glas nodes, while the database and a node are restarted
// under them. A submission that gets no answer, or a 503, is sent again with the same submission
// id, as a browser's resubmission would be. Prints what it saw; writes the acknowledged ids.
//
// dotnet run client.cs -- <out-dir> <consultation-id> <clients> <comments> <account,...> <node-url> [<node-url> ...]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

var outDir = args[0];
var consultation = Guid.Parse(args[1]);
var clients = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var total = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
var accounts = args[4].Split(',');
var nodes = args[5..].Select(u => new Uri(u)).ToArray();
var password = Environment.GetEnvironmentVariable("GLAS_DEMO_PASSWORD") ?? "Glas-demo-2026";
var run = DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture);

var statuses = new ConcurrentDictionary<string, int>();
var acknowledged = new ConcurrentBag<Guid>();
var refused = new ConcurrentBag<string>();
var gaveUp = 0;
var next = -1;
var clock = Stopwatch.StartNew();
var tokenPattern = new Regex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"|name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");

void Count(string what) => statuses.AddOrUpdate(what, 1, (_, n) => n + 1);

static string Kind(Exception e) => e is TaskCanceledException ? "timeout" : "connection error";

async Task<string?> TokenAsync(HttpClient http, Uri node, string path)
{
    try
    {
        var html = await http.GetStringAsync(new Uri(node, path));
        var m = tokenPattern.Match(html);
        return m.Success ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : null;
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
    {
        return null;
    }
}

async Task SignInAsync(HttpClient http, string email)
{
    for (var attempt = 0; ; attempt++)
    {
        var node = nodes[attempt % nodes.Length];
        if (await TokenAsync(http, node, "/account/login") is { } token)
        {
            try
            {
                using var answer = await http.PostAsync(new Uri(node, "/account/login"), new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = password,
                }));
                if (answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location?.ToString().Contains("login", StringComparison.Ordinal) != true)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
        }
        if (attempt > 120)
        {
            throw new InvalidOperationException($"{email} could not sign in");
        }
        await Task.Delay(500);
    }
}

async Task ClientAsync(int client)
{
    var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromSeconds(30) };
    using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(15) };
    await SignInAsync(http, accounts[client % accounts.Length]);
    var page = $"/consultations/{consultation}";
    string? token = null;
    while (Interlocked.Increment(ref next) is var item && item < total)
    {
        var submission = Guid.NewGuid();
        var text = $"Коментар {run}-{item}: издръжливост при рестарт на базата данни.";
        var done = false;
        for (var attempt = 0; attempt < 200 && !done; attempt++)
        {
            var node = nodes[(item + attempt) % nodes.Length];
            token ??= await TokenAsync(http, node, page);
            if (token is null)
            {
                Count("page unavailable (retried)");
                await Task.Delay(250);
                continue;
            }
            try
            {
                using var answer = await http.PostAsync(new Uri(node, page + "?handler=comment"), new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["Comment.Text"] = text, ["Comment.Shown"] = "DisplayName", ["Submission"] = submission.ToString(),
                }));
                var status = (int)answer.StatusCode;
                Count(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (status is 302 or 303 && answer.Headers.Location?.ToString().Contains("/account/login", StringComparison.Ordinal) == true)
                {
                    Count("sent to sign in (signed in again)");
                    await SignInAsync(http, accounts[client % accounts.Length]);
                    token = null;
                }
                else if (status is 302 or 303)
                {
                    // Post-Redirect-Get: the comment is stored.
                    acknowledged.Add(submission);
                    done = true;
                }
                else if (status == 429)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
                else if (status == 503)
                {
                    var wait = answer.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                    if (answer.Headers.RetryAfter is null)
                    {
                        Count("503 without Retry-After");
                    }
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds, 1000)));
                }
                else if (status == 400)
                {
                    token = null; // a new form, as a browser would load
                }
                else
                {
                    refused.Add($"{status} {submission}");
                    done = true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Count(Kind(e));
                await Task.Delay(250);
            }
        }
        if (!done)
        {
            Interlocked.Increment(ref gaveUp);
        }
    }
}

Console.WriteLine($"faults: {clients} clients, {total} comments, nodes {string.Join(" ", nodes.Select(n => n.Authority))}");
await Task.WhenAll(Enumerable.Range(0, clients).Select(ClientAsync));
await File.WriteAllLinesAsync(Path.Combine(outDir, "acknowledged.txt"), acknowledged.Select(g => g.ToString()));
Console.WriteLine($"faults: done in {clock.Elapsed.TotalSeconds:0.0} s");
Console.WriteLine($"faults: acknowledged {acknowledged.Count}, refused {refused.Count}, gave up {gaveUp}");
foreach (var (what, n) in statuses.OrderBy(s => s.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"faults:   {what}: {n}");
}
foreach (var r in refused.Take(10))
{
    Console.WriteLine($"faults:   refused: {r}");
}
return statuses.ContainsKey("500") ? 1 : 0;
