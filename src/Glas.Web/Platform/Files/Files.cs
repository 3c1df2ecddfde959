using System.IO.Compression;
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

/// <summary>Why an upload that looks like a known kind is still refused.</summary>
public enum UploadProblem
{
    None,
    /// <summary>Not a readable zip, though it starts like one.</summary>
    Unreadable,
    /// <summary>A document with macros (a VBA project), e.g. a .docm renamed to .docx.</summary>
    Macros,
    /// <summary>A zip that unpacks to too much, or has too many entries: a decompression bomb.</summary>
    Expands,
}

/// <summary>What an upload is, by content; Kind is Unknown when it is not accepted, with the reason in Problem when there is one.</summary>
public sealed record UploadInspection(UploadKind Kind, string ContentType, string Extension, UploadProblem Problem = UploadProblem.None)
{
    public void Deconstruct(out UploadKind kind, out string contentType, out string extension) => (kind, contentType, extension) = (Kind, ContentType, Extension);
}

/// <summary>What a file is, judged by its first bytes rather than its name.</summary>
public static class UploadCheck
{
    /// <summary>Most entries a zip-based document (docx, odt, xlsx) may have.</summary>
    public const int MaxZipEntries = 1000;

    /// <summary>Most bytes a zip-based document may unpack to, all entries together and any one entry.</summary>
    public const long MaxUnpackedBytes = 20 * 1024 * 1024;

    public static readonly UploadInspection Unknown = new(UploadKind.Unknown, "application/octet-stream", "");

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
    /// A zip-based document must unpack within the limits and carry no macros; a .docx must also
    /// open as a Word document.
    /// </summary>
    public static async Task<UploadInspection> InspectAsync(Stream stream, CancellationToken ct)
    {
        var head = new byte[4096];
        stream.Position = 0;
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var (kind, contentType, extension) = Detect(head.AsSpan(0, read));
        var detected = new UploadInspection(kind, contentType, extension);
        stream.Position = 0;
        if (kind is UploadKind.Docx or UploadKind.Odt)
        {
            var problem = CheckZip(stream, ct);
            stream.Position = 0;
            if (problem != UploadProblem.None)
            {
                detected = Unknown with { Problem = problem };
            }
            else if (kind == UploadKind.Docx && !IsWordDocument(stream))
            {
                detected = Unknown;
            }
        }
        stream.Position = 0;
        return detected;
    }

    /// <summary>
    /// Reads every entry of a zip-based document through, counting the bytes it really unpacks to
    /// rather than what the headers claim; None when it is within the limits and has no macros.
    /// Macros: OOXML's VBA parts, and OpenDocument's Basic/ and Scripts/ folders.
    /// </summary>
    public static UploadProblem CheckZip(Stream stream, CancellationToken ct = default)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxZipEntries)
            {
                return UploadProblem.Expands;
            }
            var buffer = new byte[81920];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                ct.ThrowIfCancellationRequested();
                var name = entry.FullName;
                if (IsMacroPart(name))
                {
                    return UploadProblem.Macros;
                }
                var isContentTypes = name.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase);
                using var kept = isContentTypes ? new MemoryStream() : null;
                using var content = entry.Open();
                long size = 0;
                int n;
                while ((n = content.Read(buffer)) > 0)
                {
                    size += n;
                    total += n;
                    if (size > MaxUnpackedBytes || total > MaxUnpackedBytes)
                    {
                        return UploadProblem.Expands;
                    }
                    kept?.Write(buffer, 0, n);
                }
                if (kept is not null)
                {
                    var types = System.Text.Encoding.UTF8.GetString(kept.GetBuffer(), 0, (int)kept.Length);
                    if (types.Contains("vbaProject", StringComparison.OrdinalIgnoreCase) || types.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
                    {
                        return UploadProblem.Macros;
                    }
                }
            }
            return UploadProblem.None;
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException)
        {
            return UploadProblem.Unreadable;
        }
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

    /// <summary>A safe file name for Content-Disposition: no path, no control or bidirectional-override characters, bounded length.</summary>
    public static string SafeName(string? name, string extension)
    {
        var bare = Path.GetFileNameWithoutExtension(Path.GetFileName(name ?? "")) ?? "";
        // Bidirectional overrides and isolates would make "report\u202Efdp.exe" read as "reportexe.pdf".
        var clean = new string(bare.Where(c => !char.IsControl(c) && c is not ('"' or '\\' or '/' or ':' or '*' or '?' or '<' or '>' or '|')
            && c is not ((>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))).ToArray()).Trim();
        if (clean.Length == 0)
        {
            clean = "document";
        }
        return (clean.Length > 120 ? clean[..120] : clean) + extension;
    }

    private static bool IsMacroPart(string name) =>
        name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("vbaData.xml", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Basic/", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Scripts/", StringComparison.OrdinalIgnoreCase);
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
