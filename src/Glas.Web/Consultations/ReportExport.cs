using Glas.Web.Participation.Comments;
using Glas.Web.Platform.Identity;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.OpenData;

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

    /// <summary>One numbered line of the справка.</summary>
    public sealed record Line(int Number, ReportRow Row);

    /// <summary>The справка as open data, its columns declared once for CSV and XLSX.</summary>
    public static readonly TableExport<Line> Table = new("Справка",
    [
        ExportColumn.Of<Line>("number", "Sequence number of the proposal in the справка (integer).", l => l.Number),
        ExportColumn.Of<Line>("part", "Part of the draft the proposal is about (\"Проектът като цяло\" for the whole draft).", l => l.Row.UnitPath),
        ExportColumn.Of<Line>("author", "Display name of the author (\"Анонимно\" when anonymous).", l => Author(l.Row.Proposal)),
        ExportColumn.Of<Line>("submitted_at", "When the proposal was submitted (ISO 8601 with the Sofia offset).", l => l.Row.Proposal.CreatedAt),
        ExportColumn.Of<Line>("proposal", "Text of the proposal.", l => Text(l.Row.Proposal)),
        ExportColumn.Of<Line>("decision", "The administration's decision: " + string.Join(", ", Outcomes.Values.Select(v => $"\"{v}\"")) + " or \"без отговор\".", l => Outcome(l.Row.Outcome)),
        ExportColumn.Of<Line>("reasons", "Reasons for the decision.", l => l.Row.Justification),
    ]);

    public static IEnumerable<Line> Lines(IEnumerable<ReportGroup> groups) =>
        groups.SelectMany(g => g.Rows).Select((r, i) => new Line(i + 1, r));

    public static byte[] Csv(IEnumerable<ReportGroup> groups) => Table.Csv(Lines(groups));

    public static byte[] Xlsx(IEnumerable<ReportGroup> groups) => Table.Xlsx(Lines(groups));

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
