using Glas.Web.Platform.Files;
using System.IO.Compression;
using System.Text;
using Glas.Web.Consultations;
using Glas.Web.DemoData;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Files;

[Trait("Category", "Unit")]
public class UploadCheckTests
{
    public static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                text.Split('\n').Select(line => new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(line))))));
        }
        return stream.ToArray();
    }

    [Fact]
    public void Files_are_known_by_their_content()
    {
        UploadCheck.Detect(DemoPdf.Create("x")).Kind.ShouldBe(UploadKind.Pdf);
        UploadCheck.Detect(Docx("Чл. 1. Текст.")).Kind.ShouldBe(UploadKind.Docx);
        UploadCheck.Detect(Encoding.UTF8.GetBytes("<html><script>alert(1)</script>")).Kind.ShouldBe(UploadKind.Unknown);
        UploadCheck.Detect(Encoding.UTF8.GetBytes("MZ\u0090\u0000 executable")).Kind.ShouldBe(UploadKind.Unknown);
        UploadCheck.Detect([]).Kind.ShouldBe(UploadKind.Unknown);
    }

    [Fact]
    public void An_odt_is_recognised_by_its_mimetype_entry()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("mimetype", CompressionLevel.NoCompression);
            using var w = new StreamWriter(entry.Open());
            w.Write("application/vnd.oasis.opendocument.text");
        }
        UploadCheck.Detect(stream.ToArray()).Kind.ShouldBe(UploadKind.Odt);
    }

    [Fact]
    public void A_zip_that_is_not_a_word_document_is_not_accepted_as_docx()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
        }
        stream.Position = 0;
        UploadCheck.IsWordDocument(stream).ShouldBeFalse();
        UploadCheck.IsWordDocument(new MemoryStream(Docx("x"))).ShouldBeTrue();
    }

    /// <summary>A real .docx with extra entries added, e.g. a bomb or a VBA project.</summary>
    public static byte[] DocxWith(Action<ZipArchive> add, string text = "Чл. 1. Текст.")
    {
        var stream = new MemoryStream();
        stream.Write(Docx(text));
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            add(zip);
        }
        return stream.ToArray();
    }

    /// <summary>An entry of <paramref name="bytes"/> zeros, which deflate shrinks about a thousandfold.</summary>
    public static Action<ZipArchive> Zeros(string name, long bytes) => zip =>
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        var block = new byte[1024 * 1024];
        for (long written = 0; written < bytes; written += block.Length)
        {
            entry.Write(block, 0, (int)Math.Min(block.Length, bytes - written));
        }
    };

    private static UploadInspection Inspect(byte[] file) => UploadCheck.InspectAsync(new MemoryStream(file), CancellationToken.None).GetAwaiter().GetResult();

    [Fact]
    public void A_small_zip_that_unpacks_hugely_is_refused()
    {
        var bomb = DocxWith(Zeros("word/media/image1.bin", 40L * 1024 * 1024));
        bomb.Length.ShouldBeLessThan(200 * 1024);
        UploadCheck.CheckZip(new MemoryStream(bomb)).ShouldBe(UploadProblem.Expands);
        var inspected = Inspect(bomb);
        inspected.Kind.ShouldBe(UploadKind.Unknown);
        inspected.Problem.ShouldBe(UploadProblem.Expands);
        // Many entries each under the limit are counted together.
        var spread = DocxWith(zip =>
        {
            for (var i = 0; i < 3; i++)
            {
                Zeros($"word/media/part{i}.bin", 8L * 1024 * 1024)(zip);
            }
        });
        UploadCheck.CheckZip(new MemoryStream(spread)).ShouldBe(UploadProblem.Expands);
        UploadCheck.CheckZip(new MemoryStream(Docx("Чл. 1. Текст."))).ShouldBe(UploadProblem.None);
        Inspect(Docx("Чл. 1. Текст.")).Kind.ShouldBe(UploadKind.Docx);
    }

    [Fact]
    public void A_zip_with_too_many_entries_is_refused()
    {
        var crowded = DocxWith(zip =>
        {
            for (var i = 0; i < UploadCheck.MaxZipEntries; i++)
            {
                zip.CreateEntry($"word/parts/{i}.xml");
            }
        });
        UploadCheck.CheckZip(new MemoryStream(crowded)).ShouldBe(UploadProblem.Expands);
        Inspect(crowded).Problem.ShouldBe(UploadProblem.Expands);
    }

    [Fact]
    public void A_document_with_macros_is_refused()
    {
        var withVba = DocxWith(zip =>
        {
            using var w = zip.CreateEntry("word/vbaProject.bin").Open();
            w.Write("\u00D0\u00CF\u0011\u00E0 VBA"u8);
        });
        Inspect(withVba).Problem.ShouldBe(UploadProblem.Macros);
        Inspect(withVba).Kind.ShouldBe(UploadKind.Unknown);

        // A .docm says so in its content types even without the binary part.
        var docm = DocxWith(zip =>
        {
            var types = zip.GetEntry("[Content_Types].xml")!;
            string xml;
            using (var r = new StreamReader(types.Open()))
            {
                xml = r.ReadToEnd();
            }
            types.Delete();
            using var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
            w.Write(xml.Replace("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "application/vnd.ms-word.document.macroEnabled.main+xml", StringComparison.Ordinal));
        });
        Inspect(docm).Problem.ShouldBe(UploadProblem.Macros);
    }

    [Theory]
    [InlineData("Basic/Standard/Module1.xml")]
    [InlineData("Scripts/python/macro.py")]
    public void An_odt_with_macros_is_refused(string macroPart)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open()))
            {
                w.Write("application/vnd.oasis.opendocument.text");
            }
            using (var w = new StreamWriter(zip.CreateEntry("content.xml").Open()))
            {
                w.Write("<office:document-content/>");
            }
            using (var w = new StreamWriter(zip.CreateEntry(macroPart).Open()))
            {
                w.Write("Sub Main : Shell(\"calc\") : End Sub");
            }
        }
        Inspect(stream.ToArray()).Problem.ShouldBe(UploadProblem.Macros);
    }

    [Fact]
    public void Docx_text_comes_out_one_line_per_paragraph() =>
        DocxText.Extract(new MemoryStream(Docx("Чл. 1. Първи.\n(1) Алинея."))).ShouldBe("Чл. 1. Първи.\n(1) Алинея.");

    [Theory]
    [InlineData("../../etc/passwd", ".pdf", "passwd.pdf")]
    [InlineData("Проект на наредба.PDF", ".pdf", "Проект на наредба.pdf")]
    [InlineData("a\"b<c>.docx", ".docx", "abc.docx")]
    [InlineData("", ".odt", "document.odt")]
    public void Stored_names_are_safe(string name, string extension, string expected) =>
        UploadCheck.SafeName(name, extension).ShouldBe(expected);
}
