using System.Net.Mail;
using Glas.Web.Platform.Web;

namespace Glas.Web.Surveys;

/// <summary>What is wrong with one line of an address list.</summary>
public enum InvitationProblemKind
{
    /// <summary>A field with "@" that is not an e-mail address; the list is refused.</summary>
    Invalid,

    /// <summary>A line with text but no address (other than a header on the first line); the list is refused.</summary>
    NoAddress,

    /// <summary>The address is already on an earlier line; it is invited once.</summary>
    Duplicate,

    /// <summary>The address has an invitation that is not used yet; it is not invited again.</summary>
    AlreadyInvited,
}

/// <summary>One reported line: its number, the text concerned and, for a repeat, the line it first stood on.</summary>
public sealed record InvitationProblem(int Line, string Value, InvitationProblemKind Kind, int? FirstLine = null)
{
    /// <summary>Invalid lines stop the list; repeats are only skipped.</summary>
    public bool Refuses => Kind is InvitationProblemKind.Invalid or InvitationProblemKind.NoAddress;
}

/// <summary>The addresses of a list (lower case, first occurrence, with their line) and the problems found, line by line.</summary>
public sealed record InvitationListResult(IReadOnlyList<(string Address, int Line)> Addresses, IReadOnlyList<InvitationProblem> Problems)
{
    public bool Refused => Problems.Any(p => p.Refuses);
}

/// <summary>
/// Reads the addresses an official pastes or uploads: a plain list or a spreadsheet saved as CSV
/// (comma, semicolon or tab separated, quoted or not, any number of columns such as a name). Every
/// field with "@" on a line is an address; other fields are ignored, and a first line without one
/// is taken as the header.
/// </summary>
public static class InvitationList
{
    public const int MaxAddressLength = 256;

    private static readonly char[] Separators = [',', ';', '\t', ' '];

    public static InvitationListResult Parse(string text)
    {
        var addresses = new List<(string Address, int Line)>();
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<InvitationProblem>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var fields = lines[i].Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(f => f.Trim('"', '\'', '<', '>', '\uFEFF')).Where(f => f.Length > 0).ToList();
            if (fields.Count == 0)
            {
                continue;
            }
            var candidates = fields.Where(f => f.Contains('@', StringComparison.Ordinal)).ToList();
            if (candidates.Count == 0)
            {
                if (number > 1 || addresses.Count > 0)
                {
                    problems.Add(new InvitationProblem(number, Shorten(lines[i].Trim()), InvitationProblemKind.NoAddress));
                }
                continue;
            }
            foreach (var candidate in candidates)
            {
                if (!IsAddress(candidate))
                {
                    problems.Add(new InvitationProblem(number, Shorten(candidate), InvitationProblemKind.Invalid));
                    continue;
                }
                var address = candidate.ToLowerInvariant();
                if (first.TryGetValue(address, out var earlier))
                {
                    problems.Add(new InvitationProblem(number, address, InvitationProblemKind.Duplicate, earlier));
                    continue;
                }
                first[address] = number;
                addresses.Add((address, number));
            }
        }
        return new InvitationListResult(addresses, problems);
    }

    /// <summary>An address mail can be sent to: one mailbox, nothing around it, a domain with a dot, no hidden or look-alike characters.</summary>
    public static bool IsAddress(string value) =>
        value.Length <= MaxAddressLength
        && !TextRules.HasUnsafeCharacters(value)
        && value.All(c => c < 128)
        && MailAddress.TryCreate(value, out var m)
        && string.Equals(m.Address, value, StringComparison.OrdinalIgnoreCase)
        && m.Host.Contains('.', StringComparison.Ordinal)
        && !m.Host.EndsWith('.');

    private static string Shorten(string value) => value.Length > 80 ? value[..79] + "…" : value;
}
