using System.Diagnostics;

namespace Glas.Web.Tests.Tooling;

/// <summary>
/// The npm tools of the tooling checks (tools/package.json), installed by `./glas test` into the
/// folder it names in GLAS_TOOLS (by default .glas/tools in the repository).
/// </summary>
public static class Tools
{
    public static string Folder
    {
        get
        {
            if (Environment.GetEnvironmentVariable("GLAS_TOOLS") is { Length: > 0 } set)
            {
                return set;
            }
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Glas.slnx")))
                {
                    return System.IO.Path.Combine(dir.FullName, ".glas", "tools");
                }
            }
            throw new InvalidOperationException("GLAS_TOOLS is not set and the repository was not found");
        }
    }

    /// <summary>The path of an installed tool; fails with how to install it when it is missing.</summary>
    public static string Locate(params string[] parts)
    {
        var path = System.IO.Path.Combine([Folder, "node_modules", .. parts]);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: run ./glas test, which installs tools/package.json");
        }
        return path;
    }

    /// <summary>Runs a program and returns its exit code, standard output and standard error.</summary>
    public static async Task<(int Code, string Out, string Err)> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["NO_COLOR"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
