using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Glas.Web.Platform.Files;

public enum UploadKind
{
    Unknown,
    Pdf,
    Docx,
    Odt,
}

/// <summary>What a file is, judged by its first bytes rather than its name.</summary>
public static class UploadCheck
{
    public static (UploadKind Kind, string ContentType, string Extension) Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return (UploadKind.Pdf, "application/pdf", ".pdf");
        }
        if (head.Length >= 4 && head[..4].SequenceEqual("PK\u0003\u0004"u8))
        {
            // ODF puts an uncompressed "mimetype" entry first; OOXML has [Content_Types].xml and a word/ part.
            var text = System.Text.Encoding.ASCII.GetString(head);
            if (text.Contains("mimetypeapplication/vnd.oasis.opendocument.text", StringComparison.Ordinal))
            {
                return (UploadKind.Odt, "application/vnd.oasis.opendocument.text", ".odt");
            }
            if (text.Contains("[Content_Types].xml", StringComparison.Ordinal) || text.Contains("word/", StringComparison.Ordinal))
            {
                return (UploadKind.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
            }
        }
        return (UploadKind.Unknown, "application/octet-stream", "");
    }

    /// <summary>
    /// What an upload really is, or Unknown; the stream is read from the start and left rewound.
    /// A .docx must also open as a Word document.
    /// </summary>
    public static async Task<(UploadKind Kind, string ContentType, string Extension)> InspectAsync(Stream stream, CancellationToken ct)
    {
        var head = new byte[4096];
        stream.Position = 0;
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var detected = Detect(head.AsSpan(0, read));
        stream.Position = 0;
        if (detected.Kind == UploadKind.Docx && !IsWordDocument(stream))
        {
            detected = (UploadKind.Unknown, "application/octet-stream", "");
        }
        stream.Position = 0;
        return detected;
    }

    /// <summary>A .docx is a zip whose entries include word/document.xml; checked fully once the file is in hand.</summary>
    public static bool IsWordDocument(Stream stream)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>A safe file name for Content-Disposition: no path, no control characters, bounded length.</summary>
    public static string SafeName(string? name, string extension)
    {
        var bare = Path.GetFileNameWithoutExtension(Path.GetFileName(name ?? "")) ?? "";
        var clean = new string(bare.Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim();
        if (clean.Length == 0)
        {
            clean = "document";
        }
        return (clean.Length > 120 ? clean[..120] : clean) + extension;
    }
}

/// <summary>Uploaded files on disk, outside wwwroot, named by a random key.</summary>
public sealed class FileStore(IOptions<FileStoreOptions> options, IWebHostEnvironment env)
{
    private string Root
    {
        get
        {
            var root = options.Value.Root;
            return Path.IsPathRooted(root) ? root : Path.Combine(env.ContentRootPath, root);
        }
    }

    public async Task<(string Key, string Sha256, long Size)> SaveAsync(Stream content, CancellationToken ct)
    {
        var key = Guid.NewGuid().ToString("N");
        var dir = Path.Combine(Root, key[..2]);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, key);
        await using var file = File.Create(path);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
            size += read;
        }
        return (key, Convert.ToHexStringLower(sha.GetHashAndReset()), size);
    }

    /// <summary>
    /// A stored file as an attachment, with the type its content was checked to be and a CSP that
    /// keeps a browser from running anything in it; 404 when it is not there.
    /// </summary>
    public IResult Download(HttpContext context, string? key, string contentType, string? fileName)
    {
        var stream = key is null ? null : Open(key);
        if (stream is null)
        {
            return Results.NotFound();
        }
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return Results.File(stream, contentType, fileName ?? "document", enableRangeProcessing: true);
    }

    public Stream? Open(string key)
    {
        if (key.Length != 32 || !key.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }
        var path = Path.Combine(Root, key[..2], key);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }
}

public sealed class FileStoreOptions
{
    /// <summary>Folder for uploaded files; relative paths are under the content root.</summary>
    public string Root { get; set; } = "App_Data/files";

    /// <summary>Largest accepted upload, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;
}

public static class FilesExtensions
{
    public static IServiceCollection AddFiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FileStoreOptions>(configuration.GetSection("Glas:Files"));
        services.AddSingleton<FileStore>();
        return services;
    }
}
