using SkiaSharp;

namespace Glas.Web.Platform.Files;

/// <summary>Why an uploaded image was refused.</summary>
public enum ImageProblem
{
    None,
    /// <summary>No bytes at all.</summary>
    Empty,
    /// <summary>More bytes than an image of this kind may have.</summary>
    TooLarge,
    /// <summary>Not a PNG, JPEG or WebP by its content, whatever its name says (an SVG or HTML page, say).</summary>
    NotAnImage,
    /// <summary>Declares more pixels than may be decoded: a decompression bomb, or simply too big.</summary>
    TooManyPixels,
    /// <summary>Starts like an image but does not decode.</summary>
    Unreadable,
}

/// <summary>The format a checked image is written in again.</summary>
public enum ImageOutput
{
    Png,
    Webp,
}

/// <summary>An image that passed the checks: newly encoded pixels, nothing of the upload's own bytes.</summary>
public sealed record CleanImage(byte[] Content, string ContentType, string Extension, int Width, int Height);

/// <summary>The result of <see cref="Images.Clean"/>: an image, or the reason there is none.</summary>
public sealed record ImageResult(CleanImage? Image, ImageProblem Problem)
{
    public bool Ok => Image is not null;
}

/// <summary>
/// Uploaded raster images (logos and the like), judged by content: decoded with Skia only when the
/// header is a PNG, JPEG or WebP whose declared size is within bounds, scaled down to fit a box, and
/// encoded again as PNG or WebP. Encoding from pixels drops everything else the file carried: EXIF
/// (camera, GPS position), XMP, ICC comments, text chunks, trailing data.
/// </summary>
public static class Images
{
    /// <summary>Largest upload read at all.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>Longest side an upload may declare.</summary>
    public const int MaxSide = 8000;

    /// <summary>Most pixels an upload may declare (about 100 MB of memory when decoded).</summary>
    public const long MaxPixels = 25_000_000;

    private static readonly SKEncodedImageFormat[] Accepted = [SKEncodedImageFormat.Png, SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Webp];

    /// <summary>
    /// Checks an upload and returns it scaled to fit within <paramref name="maxWidth"/> ×
    /// <paramref name="maxHeight"/> (never enlarged), encoded as <paramref name="output"/>.
    /// </summary>
    public static ImageResult Clean(ReadOnlySpan<byte> upload, int maxWidth, int maxHeight, ImageOutput output = ImageOutput.Png)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxHeight, 1);
        if (upload.IsEmpty)
        {
            return Refused(ImageProblem.Empty);
        }
        if (upload.Length > MaxBytes)
        {
            return Refused(ImageProblem.TooLarge);
        }
        if (!LooksLikeRaster(upload))
        {
            return Refused(ImageProblem.NotAnImage);
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || Array.IndexOf(Accepted, codec.EncodedFormat) < 0)
        {
            return Refused(ImageProblem.Unreadable);
        }
        // Judge the size the header declares before a single pixel is decoded.
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width < 1 || height < 1 || width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
        {
            return Refused(ImageProblem.TooManyPixels);
        }

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return Refused(ImageProblem.Unreadable);
        }
        using var upright = Upright(decoded, codec.EncodedOrigin);

        var scale = Math.Min(1.0, Math.Min((double)maxWidth / upright.Width, (double)maxHeight / upright.Height));
        var targetWidth = Math.Max(1, (int)Math.Round(upright.Width * scale));
        var targetHeight = Math.Max(1, (int)Math.Round(upright.Height * scale));
        using var resized = scale < 1.0
            ? upright.Resize(new SKImageInfo(targetWidth, targetHeight, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell))
            : upright.Copy();
        if (resized is null)
        {
            return Refused(ImageProblem.Unreadable);
        }

        using var image = SKImage.FromBitmap(resized);
        using var encoded = output == ImageOutput.Webp
            ? image.Encode(SKEncodedImageFormat.Webp, 90)
            : image.Encode(SKEncodedImageFormat.Png, 100);
        if (encoded is null)
        {
            return Refused(ImageProblem.Unreadable);
        }
        var (contentType, extension) = output == ImageOutput.Webp ? ("image/webp", ".webp") : ("image/png", ".png");
        return new ImageResult(new CleanImage(encoded.ToArray(), contentType, extension, resized.Width, resized.Height), ImageProblem.None);
    }

    /// <summary>The signatures of PNG, JPEG and WebP; anything else (SVG, HTML, GIF, PDF...) is not looked at further.</summary>
    public static bool LooksLikeRaster(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])
        || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
        || (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8));

    /// <summary>A photo's EXIF orientation applied to the pixels, since the EXIF itself is dropped.</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return source.Copy();
        }
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var turned = new SKBitmap(new SKImageInfo(swap ? source.Height : source.Width, swap ? source.Width : source.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(turned);
        var (w, h) = (source.Width, source.Height);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, w / 2f, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, w / 2f, h / 2f); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, h / 2f); break;
            case SKEncodedOrigin.LeftTop: canvas.Translate(h, 0); canvas.RotateDegrees(90); canvas.Scale(1, -1, 0, h / 2f); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(h, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(h, 0); canvas.RotateDegrees(90); canvas.Scale(-1, -1, w / 2f, h / 2f); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, w); canvas.RotateDegrees(270); break;
        }
        canvas.DrawBitmap(source, 0, 0);
        return turned;
    }

    private static ImageResult Refused(ImageProblem problem) => new(null, problem);
}

/// <summary>
/// An image stored under the SHA-256 of its content (a logo, a news cover): a new image is a new
/// address, so the answer may be cached for a year; it is sandboxed, never run as a document.
/// </summary>
public static class HashedImages
{
    /// <summary>Whether the address part is a SHA-256 in lower-case hex, the only form such images are stored under.</summary>
    public static bool IsHash(string sha) => sha.Length == 64 && sha.All(char.IsAsciiHexDigitLower);

    public static IResult Serve(HttpContext context, string sha, byte[] content, string contentType, DateTimeOffset updatedAt)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "public, max-age=31536000, immutable";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return Results.Bytes(content, contentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{sha}\""), lastModified: updatedAt);
    }
}
