using System.Buffers.Binary;
using System.Text;
using Glas.Web.Platform.Files;
using Shouldly;
using SkiaSharp;
using Xunit;

namespace Glas.Web.Tests.Platform.Files;

[Trait("Category", "Unit")]
public class ImagesTests
{
    /// <summary>A real image drawn with Skia: a blue field with a white bar, encoded as asked.</summary>
    public static byte[] Drawn(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0x0b, 0x53, 0x94));
            using var paint = new SKPaint { Color = SKColors.White };
            canvas.DrawRect(width / 4f, height / 3f, width / 2f, height / 3f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>
    /// A JPEG as a phone writes it: an APP1 EXIF segment right after SOI, with camera make and a GPS
    /// position (42°41′N 23°19′E, Sofia), in a TIFF structure readers accept.
    /// </summary>
    public static byte[] JpegWithGps()
    {
        var jpeg = Drawn(64, 48, SKEncodedImageFormat.Jpeg);
        var tiff = new List<byte>();
        void U16(int v) { var b = new byte[2]; BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)v); tiff.AddRange(b); }
        void U32(uint v) { var b = new byte[4]; BinaryPrimitives.WriteUInt32BigEndian(b, v); tiff.AddRange(b); }
        tiff.AddRange("MM"u8.ToArray()); U16(42); U32(8);
        // IFD0 at 8: Make (ASCII) and the GPS IFD pointer.
        const uint ifd0 = 8, make = ifd0 + 2 + 2 * 12 + 4, gps = make + 8;
        U16(2);
        U16(0x010F); U16(2); U32(8); U32(make);
        U16(0x8825); U16(4); U32(1); U32(gps);
        U32(0);
        tiff.AddRange("GlasCam\0"u8.ToArray());
        // GPS IFD: latitude ref, latitude, longitude ref, longitude.
        const uint values = gps + 2 + 4 * 12 + 4;
        U16(4);
        U16(1); U16(2); U32(2); tiff.AddRange("N\0\0\0"u8.ToArray());
        U16(2); U16(5); U32(3); U32(values);
        U16(3); U16(2); U32(2); tiff.AddRange("E\0\0\0"u8.ToArray());
        U16(4); U16(5); U32(3); U32(values + 24);
        U32(0);
        foreach (var (num, den) in new[] { (42u, 1u), (41u, 1u), (3000u, 100u), (23u, 1u), (19u, 1u), (1200u, 100u) })
        {
            U32(num); U32(den);
        }
        var exif = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segment = new byte[] { 0xFF, 0xE1, (byte)((exif.Length + 2) >> 8), (byte)((exif.Length + 2) & 0xFF) }.Concat(exif);
        return jpeg[..2].Concat(segment).Concat(jpeg[2..]).ToArray();
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    /// <summary>A valid small PNG whose header is rewritten to declare other dimensions, with a correct CRC.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var png = Drawn(8, 8);
        // Signature (8), IHDR length (4), "IHDR" (4), then width and height; CRC after the 13 data bytes.
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    [Fact]
    public void A_png_is_scaled_down_to_fit_the_box_and_stays_a_png()
    {
        var result = Images.Clean(Drawn(1200, 600), 480, 240);
        result.Problem.ShouldBe(ImageProblem.None);
        var image = result.Image.ShouldNotBeNull();
        (image.Width, image.Height).ShouldBe((480, 240));
        image.ContentType.ShouldBe("image/png");
        using var codec = SKCodec.Create(new MemoryStream(image.Content));
        codec.EncodedFormat.ShouldBe(SKEncodedImageFormat.Png);
        (codec.Info.Width, codec.Info.Height).ShouldBe((480, 240));
    }

    [Fact]
    public void A_small_image_is_never_enlarged_and_may_be_written_as_webp()
    {
        var image = Images.Clean(Drawn(100, 40), 480, 240, ImageOutput.Webp).Image.ShouldNotBeNull();
        (image.Width, image.Height).ShouldBe((100, 40));
        image.ContentType.ShouldBe("image/webp");
        Encoding.ASCII.GetString(image.Content, 8, 4).ShouldBe("WEBP");
    }

    [Fact]
    public void The_exif_of_a_photo_with_a_gps_position_is_not_kept()
    {
        var upload = JpegWithGps();
        // The upload really carries the position and the camera, and Skia still reads it as a JPEG.
        var text = Encoding.Latin1.GetString(upload);
        text.ShouldContain("Exif");
        text.ShouldContain("GlasCam");
        using (var codec = SKCodec.Create(new MemoryStream(upload)))
        {
            codec.ShouldNotBeNull();
            codec.EncodedFormat.ShouldBe(SKEncodedImageFormat.Jpeg);
        }

        var image = Images.Clean(upload, 480, 240).Image.ShouldNotBeNull();
        var cleaned = Encoding.Latin1.GetString(image.Content);
        cleaned.ShouldNotContain("Exif");
        cleaned.ShouldNotContain("GlasCam");
        cleaned.ShouldNotContain("eXIf"); // PNG's own EXIF chunk
        image.Content.AsSpan().IndexOf((byte[])[0x00, 0x00, 0x0B, 0xB8, 0x00, 0x00, 0x00, 0x64]).ShouldBe(-1); // 3000/100 seconds
        (image.Width, image.Height).ShouldBe((64, 48));
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect width=\"10\" height=\"10\"/></svg>")]
    [InlineData("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>")]
    [InlineData("GIF89a\u0001\u0000\u0001\u0000")]
    [InlineData("%PDF-1.7 not a logo")]
    public void Other_content_named_png_is_refused(string content)
    {
        Images.Clean(Encoding.UTF8.GetBytes(content), 480, 240).Problem.ShouldBe(ImageProblem.NotAnImage);
    }

    [Fact]
    public void A_png_signature_in_front_of_html_does_not_pass()
    {
        byte[] disguised = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. "<html><script>alert(1)</script></html>"u8];
        Images.Clean(disguised, 480, 240).Problem.ShouldBe(ImageProblem.Unreadable);
    }

    [Theory]
    [InlineData(60_000, 60_000)]
    [InlineData(9_000, 10)]
    [InlineData(6_000, 6_000)]
    public void A_header_that_declares_too_many_pixels_is_refused_before_decoding(int width, int height)
    {
        Images.Clean(PngDeclaring(width, height), 480, 240).Problem.ShouldBe(ImageProblem.TooManyPixels);
    }

    [Fact]
    public void Empty_truncated_and_oversized_uploads_are_refused()
    {
        Images.Clean([], 480, 240).Problem.ShouldBe(ImageProblem.Empty);
        Images.Clean(Drawn(64, 64).AsSpan(0, 20), 480, 240).Problem.ShouldBe(ImageProblem.Unreadable);
        var huge = new byte[Images.MaxBytes + 1];
        Drawn(8, 8).CopyTo(huge, 0);
        Images.Clean(huge, 480, 240).Problem.ShouldBe(ImageProblem.TooLarge);
    }
}
