using Glas.Web.Participation.Comments;
using Glas.Web.Platform.Identity;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Glas.Web.Platform.Localization;

namespace Glas.Web.Consultations;

/// <summary>The справка as .docx and CSV, in Bulgarian, with display names only.</summary>
public static class ReportExport
{
    private static readonly Dictionary<AnswerOutcome, string> Outcomes = new()
    {
        [AnswerOutcome.Accepted] = "Приема се",
        [AnswerOutcome.PartiallyAccepted] = "Приема се частично",
        [AnswerOutcome.NotAccepted] = "Не се приема",
        [AnswerOutcome.NotAProposal] = "Не е предложение",
    };

    private static readonly CultureInfo Bg = CultureInfo.GetCultureInfo("bg-BG");

    public static string Author(CommentView c) => c.AuthorKind switch
    {
        AuthorKind.Anonymous => "Анонимно",
        AuthorKind.Deleted => DeletedUser.Name,
        _ => c.Author,
    };

    public static string Text(CommentView c) => c.IsHidden ? $"скрит от модератор: {c.HiddenReason}" : c.Text ?? "";

    public static string Outcome(AnswerOutcome? o) => o is { } x ? Outcomes[x] : "без отговор";

    public static byte[] Csv(IEnumerable<ReportGroup> groups)
    {
        var n = 0;
        var rows = groups.SelectMany(g => g.Rows.Select(r => (IEnumerable<string>)
        [
            (++n).ToString(CultureInfo.InvariantCulture), g.UnitPath, Author(r.Proposal), Formats.Date(r.Proposal.CreatedAt, Bg),
            Text(r.Proposal), Outcome(r.Outcome), r.Justification ?? "",
        ])).ToList();
        return Platform.OpenData.Csv.Write(["№", "Част от проекта", "Автор", "Дата", "Предложение", "Решение", "Мотиви"], rows);
    }

    public static byte[] Docx(Consultation c, string tenantName, IReadOnlyList<ReportGroup> groups)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(Para(tenantName, bold: false));
            body.Append(Para("СПРАВКА", bold: true, size: 32));
            body.Append(Para($"за получените предложения по {c.Title} ({c.RegNumber})", bold: true));
            body.Append(Para($"Обществена консултация от {Formats.Date(c.OpensOn, Bg)} до {Formats.Date(c.ClosesOn, Bg)}, чл. 26, ал. 5 от Закона за нормативните актове."));
            var total = groups.Sum(g => g.Rows.Count);
            if (total == 0)
            {
                body.Append(Para("В срока на обществената консултация не са постъпили предложения и становища."));
            }
            foreach (var g in groups)
            {
                body.Append(Para(g.UnitPath, bold: true));
                var table = new Table(new TableProperties(
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                        new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                    new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
                table.Append(Row(true, "Автор", "Предложение", "Решение", "Мотиви"));
                foreach (var r in g.Rows)
                {
                    table.Append(Row(false, $"{Author(r.Proposal)}, {Formats.Date(r.Proposal.CreatedAt, Bg)}", Text(r.Proposal), Outcome(r.Outcome), r.Justification ?? ""));
                }
                body.Append(table);
            }
            body.Append(Para($"Публикувана на {(c.ReportPublishedAt is { } p ? Formats.DateTime(p, Bg) : "—")}."));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Para(string text, bool bold = false, int size = 24)
    {
        var props = new RunProperties(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        if (bold)
        {
            props.Append(new Bold());
        }
        return new Paragraph(new Run(props, new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static TableRow Row(bool header, params string[] cells) =>
        new(cells.Select(text => new TableCell(new Paragraph(new Run(header ? new RunProperties(new Bold()) : new RunProperties(), new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve })))));

    /// <summary>XML 1.0 cannot carry most control characters; drop them.</summary>
    private static string Clean(string text) => new(text.Where(ch => ch is '\t' or '\n' or '\r' || !char.IsControl(ch)).ToArray());
}
