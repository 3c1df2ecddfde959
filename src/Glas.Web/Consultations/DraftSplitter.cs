using System.Text.RegularExpressions;

namespace Glas.Web.Consultations;

/// <summary>A unit as the splitter finds it, before it is stored.</summary>
public sealed record SplitUnit(int Number, UnitKind Kind, string Label, string Path, string Text, int Depth);

/// <summary>
/// Splits a Bulgarian normative draft into the units people comment on: chapters („Глава“),
/// sections („Раздел“, „Допълнителни разпоредби“…), articles („Чл. 1.“), paragraphs („(1)“ — ал.),
/// points („1.“ — т.), letters („а)“ — б.) and the paragraphs of the final provisions („§ 1.“).
/// Any other line continues the unit before it; lines before the first article are preamble.
/// </summary>
public static partial class DraftSplitter
{
    public const int MaxUnits = 2000;

    /// <summary>Longest draft text, in characters.</summary>
    public const int MaxLength = 500_000;

    public enum Problem
    {
        None,
        TooLong,
        TooManyUnits,
    }

    /// <summary>Whether a draft can be stored: at most <see cref="MaxLength"/> characters and <see cref="MaxUnits"/> units.</summary>
    public static Problem Check(string? text)
    {
        if ((text?.Length ?? 0) > MaxLength)
        {
            return Problem.TooLong;
        }
        Split(text, out var more);
        return more ? Problem.TooManyUnits : Problem.None;
    }

    /// <summary>The units of the draft; past <see cref="MaxUnits"/> the rest is left out (see <see cref="Check"/>).</summary>
    public static IReadOnlyList<SplitUnit> Split(string? text) => Split(text, out _);

    private static List<SplitUnit> Split(string? text, out bool more)
    {
        var units = new List<Builder>();
        Builder? current = null;
        string? article = null;   // "Чл. 3" or "§ 2"
        string? paragraph = null; // "ал. 2"
        string? point = null;     // "т. 1"
        var headingOpen = false;  // a chapter/section title may continue on the next line

        foreach (var raw in (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = Collapse(raw);
            if (line.Length == 0)
            {
                headingOpen = false;
                continue;
            }

            Match m;
            if ((m = ChapterPattern().Match(line)).Success || (m = SectionPattern().Match(line)).Success)
            {
                var kind = line.StartsWith("Г", StringComparison.OrdinalIgnoreCase) ? UnitKind.Chapter : UnitKind.Section;
                current = Add(units, kind, Capitalise(line), Capitalise(line), "", 0);
                (article, paragraph, point, headingOpen) = (null, null, null, true);
            }
            else if (ProvisionsHeadingPattern().IsMatch(line))
            {
                current = Add(units, UnitKind.Section, line, Capitalise(line), "", 0);
                (article, paragraph, point, headingOpen) = (null, null, null, false);
            }
            else if ((m = ArticlePattern().Match(line)).Success || (m = ProvisionPattern().Match(line)).Success)
            {
                var isArticle = line.StartsWith("Чл", StringComparison.OrdinalIgnoreCase);
                var number = m.Groups["n"].Value;
                article = isArticle ? $"Чл. {number}" : $"§ {number}";
                (paragraph, point, headingOpen) = (null, null, false);
                var label = isArticle ? $"Чл. {number}." : $"§ {number}.";
                var rest = m.Groups["rest"].Value;
                var para = ParagraphPattern().Match(rest);
                if (para.Success)
                {
                    paragraph = $"ал. {para.Groups["n"].Value}";
                    current = Add(units, UnitKind.Paragraph, $"{label} ({para.Groups["n"].Value})", $"{article}, {paragraph}", para.Groups["rest"].Value, 2);
                }
                else
                {
                    current = Add(units, isArticle ? UnitKind.Article : UnitKind.Provision, label, article, rest, 1);
                }
            }
            else if (article is not null && (m = ParagraphPattern().Match(line)).Success)
            {
                paragraph = $"ал. {m.Groups["n"].Value}";
                point = null;
                current = Add(units, UnitKind.Paragraph, $"({m.Groups["n"].Value})", $"{article}, {paragraph}", m.Groups["rest"].Value, 2);
            }
            else if (article is not null && (m = PointPattern().Match(line)).Success)
            {
                point = $"т. {m.Groups["n"].Value}";
                var path = string.Join(", ", new[] { article, paragraph, point }.Where(p => p is not null));
                current = Add(units, UnitKind.Point, $"{m.Groups["n"].Value}.", path, m.Groups["rest"].Value, 3);
            }
            else if (article is not null && (m = LetterPattern().Match(line)).Success)
            {
                var path = string.Join(", ", new[] { article, paragraph, point, $"б. {m.Groups["n"].Value}" }.Where(p => p is not null));
                current = Add(units, UnitKind.Letter, $"{m.Groups["n"].Value})", path, m.Groups["rest"].Value, 4);
            }
            else if (current is not null && headingOpen)
            {
                // A chapter's title on its own line: "Глава първа" / "ОБЩИ ПОЛОЖЕНИЯ".
                current.Text = current.Text.Length == 0 ? line : current.Text + " " + line;
                headingOpen = false;
            }
            else if (current is not null && article is not null)
            {
                current.Text = current.Text.Length == 0 ? line : current.Text + "\n" + line;
            }
            else
            {
                current = Add(units, UnitKind.Text, "", "Текст", line, 0);
            }

            if (units.Count > MaxUnits)
            {
                break;
            }
        }

        more = units.Count > MaxUnits;
        return units.Take(MaxUnits).Select((u, i) => new SplitUnit(i + 1, u.Kind, u.Label, u.Kind == UnitKind.Text ? $"Текст {i + 1}" : u.Path, u.Text, u.Depth)).ToList();
    }

    private static Builder Add(List<Builder> units, UnitKind kind, string label, string path, string text, int depth)
    {
        var unit = new Builder(kind, label, path, depth) { Text = text.Trim() };
        units.Add(unit);
        return unit;
    }

    private static string Collapse(string line) => WhitespacePattern().Replace(line.Replace('\u00A0', ' '), " ").Trim();

    /// <summary>"ГЛАВА ПЪРВА" → "Глава първа", "РАЗДЕЛ II" → "Раздел II": the first letter up, the rest down, Roman numerals kept.</summary>
    private static string Capitalise(string line)
    {
        if (line.Length == 0)
        {
            return line;
        }
        var words = line.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (!RomanPattern().IsMatch(words[i]))
            {
                words[i] = words[i].ToLowerInvariant();
            }
        }
        var joined = string.Join(' ', words);
        return char.ToUpperInvariant(joined[0]) + joined[1..];
    }

    private sealed class Builder(UnitKind kind, string label, string path, int depth)
    {
        public UnitKind Kind { get; } = kind;
        public string Label { get; } = label;
        public string Path { get; } = path;
        public int Depth { get; } = depth;
        public string Text { get; set; } = "";
    }

    [GeneratedRegex(@"^глава\s+\S+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChapterPattern();

    [GeneratedRegex(@"^раздел\s+[IVXLCDM\d]+\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"^(допълнителн[аи]|преходн[аи]|заключителн[аи]|преходни и заключителни)\s+(и\s+\S+\s+)?разпоредб[аи]$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProvisionsHeadingPattern();

    [GeneratedRegex(@"^чл\.\s*(?<n>\d+[а-я]?)\.?\s*(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArticlePattern();

    [GeneratedRegex(@"^§\s*(?<n>\d+[а-я]?)\.?\s*(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ProvisionPattern();

    [GeneratedRegex(@"^\((?<n>\d+[а-я]?)\)\s*(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphPattern();

    [GeneratedRegex(@"^(?<n>\d+[а-я]?)[.)]\s+(?<rest>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PointPattern();

    [GeneratedRegex(@"^(?<n>[а-я])\)\s+(?<rest>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex LetterPattern();

    [GeneratedRegex(@"^[IVXLCDM]+\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex RomanPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
