using System.Diagnostics;
using System.Net.Sockets;
using Glas.Web.Tests.TestSupport;
using Xunit;

namespace Glas.Web.Tests.Browser;

/// <summary>
/// Two Glas nodes on one PostgreSQL database and one files folder, behind nginx (Debian's) that
/// sends requests to them in turn, as <c>./glas run --nodes 2</c> does; the browser talks to nginx.
/// Each answer names the node that gave it in <c>X-Glas-Upstream</c>.
/// </summary>
public sealed class TwoNodesFactory : BrowserFactory
{
    private SecondNode? second;
    private Process? nginx;
    private readonly string dir = Path.Combine(Path.GetTempPath(), "glas-test-nginx-" + Guid.NewGuid().ToString("N")[..12]);

    public int ProxyPort { get; } = FreePort();

    public override string BaseUrl => $"http://127.0.0.1:{ProxyPort}";

    /// <summary>The node ports, as nginx names them in <c>X-Glas-Upstream</c>.</summary>
    public IReadOnlyList<string> Upstreams => [$"127.0.0.1:{Port}", $"127.0.0.1:{second!.Port}"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        second = new SecondNode(this);
        await second.InitializeAsync();
        Directory.CreateDirectory(Path.Combine(dir, "tmp"));
        var conf = Path.Combine(dir, "nginx.conf");
        await File.WriteAllTextAsync(conf, $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            worker_processes 1;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/error.log;
            events { worker_connections 256; }
            http {
              access_log off;
              client_body_temp_path {{dir}}/tmp; proxy_temp_path {{dir}}/tmp; fastcgi_temp_path {{dir}}/tmp; uwsgi_temp_path {{dir}}/tmp; scgi_temp_path {{dir}}/tmp;
              upstream glas { server 127.0.0.1:{{Port}}; server 127.0.0.1:{{second.Port}}; }
              server {
                listen 127.0.0.1:{{ProxyPort}};
                client_max_body_size 30m;
                location / {
                  proxy_pass http://glas;
                  proxy_http_version 1.1;
                  proxy_set_header Host $http_host;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_buffering off;
                  add_header X-Glas-Upstream $upstream_addr always;
                }
              }
            }
            """);
        var binary = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        nginx = Process.Start(new ProcessStartInfo(binary, ["-c", conf, "-p", dir, "-g", "daemon off;"]) { RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException("nginx did not start.");
        for (var i = 0; ; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", ProxyPort);
                break;
            }
            catch (SocketException) when (i < 100 && !nginx.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    protected override async Task DisposeAllAsync()
    {
        if (nginx is { HasExited: false })
        {
            nginx.Kill(entireProcessTree: true);
            await nginx.WaitForExitAsync();
        }
        nginx?.Dispose();
        if (second is not null)
        {
            await ((IAsyncLifetime)second).DisposeAsync();
        }
        await base.DisposeAllAsync();
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The second node: the first one's database, files and mail folder, its own port and memory (and so its own page cache).</summary>
    private sealed class SecondNode : GlasFactory
    {
        private readonly TwoNodesFactory first;

        public SecondNode(TwoNodesFactory first) : base(first.ConnectionString)
        {
            this.first = first;
            UseKestrel(Port);
        }

        public int Port { get; } = FreePort();

        protected override Uri ClientBase => new(first.BaseUrl);

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Glas:PublicBaseUrl"] = first.BaseUrl,
            ["Glas:Files:Root"] = first.FilesDirectory,
            ["Glas:Email:PickupDirectory"] = first.MailDirectory,
        };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            StartServer();
        }
    }
}
