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
