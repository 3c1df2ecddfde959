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

    /// <summary>Where the справка's legal basis lies: the Law on Normative Acts.</summary>
    public const string LegalBasis = "Изготвена на основание чл. 26, ал. 5 от Закона за нормативните актове.";

    /// <summary>
    /// The справка as a Word document an official can sign: A4 with Bulgarian administrative margins
    /// (3 cm left, 2 cm right, 2 cm top and bottom), its own styles and settings, core properties, one
    /// table per part of the draft with a numbered column, the legal basis and a signature block for
    /// the responsible official. Valid against the Office Open XML schema.
    /// </summary>
    public static byte[] Docx(Consultation c, string tenantName, IReadOnlyList<ReportGroup> groups)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = Styles();
            styles.Styles.Save();
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings(
                new Zoom { Percent = "100" },
                new DefaultTabStop { Val = 708 },
                new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
                new Compatibility(new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }));
            settings.Settings.Save();
            doc.PackageProperties.Title = Clean($"Справка за получените предложения: {c.Title}");
            doc.PackageProperties.Subject = Clean($"Обществена консултация {c.RegNumber}");
            doc.PackageProperties.Creator = Clean(tenantName);
            doc.PackageProperties.Language = "bg-BG";
            doc.PackageProperties.Created = (c.ReportPublishedAt ?? c.ClosesAt).UtcDateTime;
            doc.PackageProperties.Modified = (c.ReportPublishedAt ?? c.ClosesAt).UtcDateTime;

            var body = new Body();
            main.Document = new Document(body);
            body.Append(Para(tenantName, "Institution"));
            body.Append(Para("СПРАВКА", "Title"));
            body.Append(Para($"за получените предложения по {c.Title} ({c.RegNumber})", "Subtitle"));
            body.Append(Para($"Обществена консултация от {Formats.Date(c.OpensOn, Bg)} до {Formats.Date(c.ClosesOn, Bg)}."));
            body.Append(Para(LegalBasis));
            var total = groups.Sum(g => g.Rows.Count);
            if (total == 0)
            {
                body.Append(Para("В срока на обществената консултация не са постъпили предложения и становища."));
            }
            var n = 0;
            foreach (var g in groups)
            {
                body.Append(Para(g.UnitPath, "Heading2"));
                var table = new Table(
                    new TableProperties(
                        new TableStyle { Val = "ReportTable" },
                        new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                        new TableBorders(
                            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                        new TableLayout { Type = TableLayoutValues.Fixed },
                        new TableLook { Val = "04A0" }),
                    new TableGrid(ColumnWidths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
                table.Append(Row(true, "№", "Автор, дата", "Предложение", "Решение", "Мотиви"));
                foreach (var r in g.Rows)
                {
                    table.Append(Row(false, (++n).ToString(CultureInfo.InvariantCulture), $"{Author(r.Proposal)}, {Formats.Date(r.Proposal.CreatedAt, Bg)}",
                        Text(r.Proposal), Outcome(r.Outcome), r.Justification ?? ""));
                }
                body.Append(table);
            }
            body.Append(Para($"Публикувана на {(c.ReportPublishedAt is { } p ? Formats.DateTime(p, Bg) : "—")}."));
            body.Append(Para("Отговорно длъжностно лице:", "Signature"));
            body.Append(Para(".............................................................."));
            body.Append(Para("(име, длъжност, подпис)", "Caption"));
            body.Append(Para($"{c.ResponsibleUnit}, {tenantName}"));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Right = 1134, Bottom = 1134, Left = 1701, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    // Widths in twentieths of a point of the five columns, on A4 within the margins (9071 in all).
    private static readonly int[] ColumnWidths = [567, 1701, 3402, 1134, 2267];

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" },
                new Languages { Val = "bg-BG", EastAsia = "bg-BG", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        ParagraphStyle("Title", "Title", 32, bold: true, centred: true),
        ParagraphStyle("Subtitle", "Subtitle", 24, bold: true, centred: true),
        ParagraphStyle("Institution", "Institution", 24, bold: false, centred: true),
        ParagraphStyle("Heading2", "heading 2", 24, bold: true, centred: false),
        ParagraphStyle("Signature", "Signature", 24, bold: true, centred: false),
        ParagraphStyle("Caption", "caption", 18, bold: false, centred: false),
        new Style(
            new StyleName { Val = "Report Table" },
            new BasedOn { Val = "TableNormal" },
            new UIPriority { Val = 59 },
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }),
            new StyleTableProperties(new TableCellMarginDefault(
                new TopMargin { Width = "57", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "57", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "ReportTable" },
        new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed(),
            new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa }))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });

    private static Style ParagraphStyle(string id, string name, int size, bool bold, bool centred)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "120" });
        if (centred)
        {
            paragraph.Append(new Justification { Val = JustificationValues.Center });
        }
        var run = new StyleRunProperties();
        if (bold)
        {
            run.Append(new Bold());
        }
        run.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) }, new FontSizeComplexScript { Val = size.ToString(CultureInfo.InvariantCulture) });
        return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(), paragraph, run)
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };
    }

    private static Paragraph Para(string text, string? style = null)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }
        paragraph.Append(new Run(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static TableRow Row(bool header, params string[] cells)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }
        row.Append(cells.Select((text, i) => new TableCell(
            new TableCellProperties(new TableCellWidth { Width = ColumnWidths[i].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
            new Paragraph(new Run(header ? new RunProperties(new Bold()) : new RunProperties(), new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve })))));
        return row;
    }

    /// <summary>XML 1.0 cannot carry most control characters; drop them.</summary>
    private static string Clean(string text) => new(text.Where(ch => ch is '\t' or '\n' or '\r' || !char.IsControl(ch)).ToArray());
}
