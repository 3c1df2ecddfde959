using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Glas.Web.Consultations;

/// <summary>The text of a .docx, one line per paragraph, for the draft splitter.</summary>
public static class DocxText
{
    public static string? Extract(Stream docx)
    {
        try
        {
            using var document = WordprocessingDocument.Open(docx, false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return null;
            }
            return string.Join('\n', body.Descendants<Paragraph>().Select(p => p.InnerText));
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.IO.FileFormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
