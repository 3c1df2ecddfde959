using System.Text;
using Lucene.Net.Analysis.Bg;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Glas.Web.Search;

/// <summary>
/// Bulgarian text as the search index and the queries see it: lower case, stop words out, each word
/// reduced to its stem by Lucene's Bulgarian analyzer (Savoy's light stemmer). That stemmer cuts a
/// masculine noun ending in т too far when it carries the short article or a plural (бюджета → бюдж,
/// бюджети → бюджят, but бюджет → бюджет), so a word with a plural or article ending also yields the
/// stems of the word without it (бюджетите → бюджят and бюджет). A query word matches when any of its
/// stems does.
/// </summary>
public static class BulgarianText
{
    private static readonly BulgarianAnalyzer Analyzer = new(LuceneVersion.LUCENE_48);

    /// <summary>Each word of the text (stop words left out) with the stems it may be found by.</summary>
    public static List<string[]> Words(string? text)
    {
        var words = new List<string[]>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }
        foreach (var word in Tokens(text))
        {
            var stems = new List<string> { word.Stem };
            foreach (var stem in Bases(word.Original).Select(Stem))
            {
                if (stem is not null && !stems.Contains(stem))
                {
                    stems.Add(stem);
                }
            }
            words.Add([.. stems]);
        }
        return words;
    }

    /// <summary>The lexemes to index: every stem of every word, space-separated, for to_tsvector('simple', …).</summary>
    public static string Lexemes(string? text)
    {
        var sb = new StringBuilder();
        foreach (var stem in Words(text).SelectMany(w => w))
        {
            sb.Append(Clean(stem)).Append(' ');
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// A to_tsquery('simple', …) expression: every word must match (by any of its stems), the last
    /// one also as a prefix, since people search as they type. Null when nothing searchable is left.
    /// </summary>
    public static string? Query(string? text)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            return null;
        }
        var parts = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var last = i == words.Count - 1 && !char.IsWhiteSpace(text![^1]);
            var alternatives = words[i].Select(Clean).Where(s => s.Length > 0).Distinct().Select(s => last ? s + ":*" : s).ToList();
            if (alternatives.Count > 0)
            {
                parts.Add("(" + string.Join(" | ", alternatives) + ")");
            }
        }
        return parts.Count == 0 ? null : string.Join(" & ", parts);
    }

    private static string? Stem(string word) => Tokens(word).Select(t => t.Stem).FirstOrDefault();

    /// <summary>The word without a plural or article ending it may carry (бюджетите → бюджети, бюджет), never shorter than three letters.</summary>
    private static IEnumerable<string> Bases(string word)
    {
        string[][] endings = [["а", "я", "и"], ["ът", "ят", "та", "то", "те"], ["ите", "ята", "ата"]];
        for (var n = 1; n <= 3; n++)
        {
            if (word.Length - n >= 3 && endings[n - 1].Any(e => word.EndsWith(e, StringComparison.Ordinal)))
            {
                yield return word[..^n];
            }
        }
    }

    private static List<(string Original, string Stem)> Tokens(string text)
    {
        var result = new List<(string Original, string Stem)>();
        // The analyzer lower-cases and stems; the word as written (lower case) comes from the offsets.
        using var stream = Analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var original = text[offset.StartOffset..offset.EndOffset].ToLowerInvariant();
            result.Add((original, term.ToString()));
        }
        stream.End();
        return result;
    }

    /// <summary>Only letters and digits reach tsquery syntax, so no input can inject its operators.</summary>
    private static string Clean(string stem) => new(stem.Where(char.IsLetterOrDigit).ToArray());
}
