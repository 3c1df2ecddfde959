namespace Glas.Web.Consultations;

/// <summary>One stored unit of a draft, as the document shows it.</summary>
public sealed record DraftPart(Guid Id, int Number, UnitKind Kind, string Label, string Path, string Text, int Depth);

public enum BlockKind
{
    /// <summary>Text before the first article or heading: the act's title, a preamble.</summary>
    Text,

    /// <summary>A chapter, a section, or the heading of the additional or final provisions.</summary>
    Heading,

    /// <summary>An article (чл.) or a paragraph of the provisions (§) with its ал., т. and б.: what people discuss.</summary>
    Passage,
}

/// <summary>A piece of the draft as the reader meets it; a passage is the unit of discussion on the page.</summary>
public sealed class DraftBlock(BlockKind kind, string anchor, string title, int level)
{
    public BlockKind Kind { get; } = kind;

    /// <summary>The fragment that addresses the block, e.g. "art-3" for чл. 3, "par-1" for § 1.</summary>
    public string Anchor { get; } = anchor;

    /// <summary>"Чл. 3", "§ 1", or a heading's label ("Глава втора").</summary>
    public string Title { get; } = title;

    /// <summary>The title within a sentence: "чл. 3" (an article's abbreviation is lower case there), "§ 1".</summary>
    public string InText => Title.StartsWith("Чл.", StringComparison.Ordinal) ? "чл." + Title[3..] : Title;

    /// <summary>The HTML heading level of a heading block (3 for a chapter, 4 for a section within one).</summary>
    public int Level { get; } = level;

    public List<DraftPart> Parts { get; } = [];
}

/// <summary>
/// The draft as the act it is: headings, and articles with their paragraphs, points and letters,
/// built from the splitter's stored units in their order. Pure, so it is tested directly.
/// </summary>
public sealed class DraftDocument
{
    private readonly Dictionary<Guid, DraftBlock> blockOfUnit = [];

    private DraftDocument(List<DraftBlock> blocks)
    {
        Blocks = blocks;
        foreach (var block in blocks)
        {
            foreach (var part in block.Parts)
            {
                blockOfUnit[part.Id] = block;
            }
        }
    }

    public IReadOnlyList<DraftBlock> Blocks { get; }

    /// <summary>The table of contents: the headings, in order.</summary>
    public IEnumerable<DraftBlock> Contents => Blocks.Where(b => b.Kind == BlockKind.Heading);

    /// <summary>The block a unit belongs to, or null when the unit is not in this draft.</summary>
    public DraftBlock? BlockOf(Guid unitId) => blockOfUnit.GetValueOrDefault(unitId);

    public DraftBlock? Find(string? anchor) => anchor is null ? null : Blocks.FirstOrDefault(b => b.Anchor == anchor);

    public static DraftDocument Build(IEnumerable<DraftPart> units)
    {
        var blocks = new List<DraftBlock>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        DraftBlock? current = null;
        var inChapter = false;

        string Unique(string anchor, int number) => anchors.Add(anchor) ? anchor : Unique($"{anchor}-{number}", number);

        foreach (var unit in units.OrderBy(u => u.Number))
        {
            switch (unit.Kind)
            {
                case UnitKind.Chapter:
                    inChapter = true;
                    current = Add(blocks, new DraftBlock(BlockKind.Heading, Unique($"h-{unit.Number}", unit.Number), unit.Label, 3), unit);
                    break;
                case UnitKind.Section:
                    // "Раздел I" sits within a chapter; the provisions' headings stand at the level of chapters.
                    var within = inChapter && unit.Label.StartsWith("Раздел", StringComparison.OrdinalIgnoreCase);
                    inChapter &= within;
                    current = Add(blocks, new DraftBlock(BlockKind.Heading, Unique($"h-{unit.Number}", unit.Number), unit.Label, within ? 4 : 3), unit);
                    break;
                case UnitKind.Article or UnitKind.Provision:
                case UnitKind.Paragraph when StartsPassage(unit):
                    var head = ArticleOf(unit.Path);
                    var anchor = head.StartsWith('§') ? $"par-{head[1..].Trim()}" : $"art-{head.Replace("Чл.", "", StringComparison.Ordinal).Trim()}";
                    current = Add(blocks, new DraftBlock(BlockKind.Passage, Unique(anchor, unit.Number), head, 0), unit);
                    break;
                case UnitKind.Paragraph or UnitKind.Point or UnitKind.Letter when current?.Kind == BlockKind.Passage:
                    current.Parts.Add(unit);
                    break;
                default:
                    if (current?.Kind == BlockKind.Text)
                    {
                        current.Parts.Add(unit);
                    }
                    else
                    {
                        current = Add(blocks, new DraftBlock(BlockKind.Text, Unique($"text-{unit.Number}", unit.Number), unit.Path, 0), unit);
                    }
                    break;
            }
        }
        return new DraftDocument(blocks);
    }

    /// <summary>How far a part is indented under its article: ал. 0, т. 1, б. 2 (a letter under a point one more).</summary>
    public static int Indent(DraftBlock block, DraftPart part) => part.Kind switch
    {
        UnitKind.Point => 1,
        UnitKind.Letter => block.Parts.Any(p => p.Kind == UnitKind.Point && p.Number < part.Number) ? 2 : 1,
        _ => 0,
    };

    /// <summary>A paragraph that opens its article on the article's own line: "Чл. 3. (1) …".</summary>
    private static bool StartsPassage(DraftPart unit) =>
        unit.Label.StartsWith("Чл.", StringComparison.Ordinal) || unit.Label.StartsWith('§');

    /// <summary>"Чл. 3, ал. 1, т. 2" → "Чл. 3".</summary>
    private static string ArticleOf(string path)
    {
        var comma = path.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? path : path[..comma];
    }

    private static DraftBlock Add(List<DraftBlock> blocks, DraftBlock block, DraftPart first)
    {
        block.Parts.Add(first);
        blocks.Add(block);
        return block;
    }
}
