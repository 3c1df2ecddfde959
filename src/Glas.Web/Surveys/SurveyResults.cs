namespace Glas.Web.Surveys;

/// <summary>What results read of one submitted response.</summary>
public sealed record ResponseRow(string? Group, int[] Codes, double[] Numbers, DateOnly Day);

/// <summary>A filter over results: a respondent group and/or an option chosen in a choice question.</summary>
public sealed record ResultsFilter(string? Group = null, int? Code = null)
{
    public bool Matches(ResponseRow r) =>
        (Group is null || string.Equals(r.Group, Group, StringComparison.Ordinal)) && (Code is not { } c || Array.IndexOf(r.Codes, c) >= 0);

    public bool IsEmpty => Group is null && Code is null;
}

/// <summary>One line of a distribution: the option or point, how many chose it and their share.</summary>
public sealed record CountLine(int Value, string Label, int Count, decimal Percent);

/// <summary>Mean, median and the extremes of numbers or scale points.</summary>
public sealed record Summary(int Count, double Mean, double Median, double Min, double Max);

/// <summary>The result of one question (or one matrix row).</summary>
public sealed record QuestionResult(SurveyQuestion Question, int Answered, List<CountLine> Lines, Summary? Summary, List<RowResult> Rows);

public sealed record RowResult(SurveyOption Row, int Answered, List<CountLine> Lines, Summary? Summary);

/// <summary>All results of a survey under a filter.</summary>
public sealed record SurveyResultSet(int Total, bool Suppressed, List<QuestionResult> Questions, List<(DateOnly Day, int Count)> PerDay, List<(string Group, int Count)> PerGroup);

/// <summary>The arithmetic of results: counts, shares that add up to 100, means and medians.</summary>
public static class ResultsMath
{
    /// <summary>Invitation surveys show results of a group or filter only from this many responses on.</summary>
    public const int MinimumGroup = 5;

    /// <summary>Whether results under a filter may be shown: anonymous surveys hide groups smaller than five.</summary>
    public static bool MayShow(SurveyAudience audience, ResultsFilter filter, int count) =>
        audience != SurveyAudience.Invitation || filter.IsEmpty || count >= MinimumGroup;

    /// <summary>
    /// Shares of the total, to one decimal, rounded by the largest remainder so that shares of
    /// exclusive answers add up to exactly 100.
    /// </summary>
    public static decimal[] Percentages(IReadOnlyList<int> counts, int total)
    {
        var result = new decimal[counts.Count];
        if (total <= 0)
        {
            return result;
        }
        var tenths = counts.Select(c => c * 1000m / total).ToArray();
        var floors = tenths.Select(decimal.Floor).ToArray();
        var sum = counts.Sum();
        if (sum == total)
        {
            var missing = 1000 - (int)floors.Sum();
            foreach (var i in Enumerable.Range(0, counts.Count).OrderByDescending(i => tenths[i] - floors[i]).ThenBy(i => i).Take(missing))
            {
                floors[i] += 1;
            }
        }
        else
        {
            floors = tenths.Select(t => decimal.Round(t, MidpointRounding.AwayFromZero)).ToArray();
        }
        for (var i = 0; i < counts.Count; i++)
        {
            result[i] = floors[i] / 10m;
        }
        return result;
    }

    /// <summary>Mean, median, min and max of a distribution given as value → count.</summary>
    public static Summary? FromDistribution(IReadOnlyList<(int Value, int Count)> distribution)
    {
        var n = distribution.Sum(d => d.Count);
        if (n == 0)
        {
            return null;
        }
        var ordered = distribution.Where(d => d.Count > 0).OrderBy(d => d.Value).ToList();
        var mean = ordered.Sum(d => (double)d.Value * d.Count) / n;
        return new Summary(n, mean, (At(ordered, (n - 1) / 2) + At(ordered, n / 2)) / 2.0, ordered[0].Value, ordered[^1].Value);

        static double At(List<(int Value, int Count)> ordered, int index)
        {
            foreach (var (value, count) in ordered)
            {
                if (index < count)
                {
                    return value;
                }
                index -= count;
            }
            return ordered[^1].Value;
        }
    }

    public static Summary? FromValues(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        values.Sort();
        var n = values.Count;
        return new Summary(n, values.Average(), (values[(n - 1) / 2] + values[n / 2]) / 2, values[0], values[^1]);
    }

    /// <summary>Counts every question's answers over the responses that match the filter.</summary>
    public static SurveyResultSet Compute(SurveyDefinition definition, SurveyAudience audience, IReadOnlyList<ResponseRow> rows, ResultsFilter filter)
    {
        var counts = new Dictionary<int, int>();
        var answered = new Dictionary<(int No, int Row), int>();
        var numbers = new Dictionary<int, List<double>>();
        var days = new SortedDictionary<DateOnly, int>();
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        var seen = new HashSet<(int, int)>();
        foreach (var r in rows)
        {
            if (!filter.Matches(r))
            {
                continue;
            }
            total++;
            days[r.Day] = days.GetValueOrDefault(r.Day) + 1;
            if (r.Group is { } g)
            {
                groups[g] = groups.GetValueOrDefault(g) + 1;
            }
            seen.Clear();
            foreach (var code in r.Codes)
            {
                counts[code] = counts.GetValueOrDefault(code) + 1;
                var key = (code / 10000, code / 100 % 100);
                if (seen.Add(key))
                {
                    answered[key] = answered.GetValueOrDefault(key) + 1;
                }
            }
            for (var i = 0; i + 1 < r.Numbers.Length; i += 2)
            {
                var no = (int)r.Numbers[i];
                if (!numbers.TryGetValue(no, out var list))
                {
                    numbers[no] = list = [];
                }
                list.Add(r.Numbers[i + 1]);
            }
        }
        var perDay = days.Select(d => (d.Key, d.Value)).ToList();
        var perGroup = RespondentGroups.All.Where(groups.ContainsKey).Select(g => (g, groups[g])).ToList();
        if (!MayShow(audience, filter, total))
        {
            return new SurveyResultSet(total, true, [], [], []);
        }

        var results = new List<QuestionResult>();
        foreach (var q in definition.Questions)
        {
            int Count(int row, int value) => counts.GetValueOrDefault(SurveyCodes.Encode(q.No, row, value));
            var n = answered.GetValueOrDefault((q.No, 0));
            switch (q.Type)
            {
                case QuestionType.SingleChoice or QuestionType.Dropdown or QuestionType.MultipleChoice:
                    {
                        var options = q.Options.Select(o => (o.Code, o.Label)).ToList();
                        if (q.AllowOther)
                        {
                            options.Add((SurveyCodes.Other, SurveyCodes.OtherLabel));
                        }
                        var c = options.Select(o => Count(0, o.Code)).ToList();
                        var p = Percentages(c, n);
                        results.Add(new QuestionResult(q, n, options.Select((o, i) => new CountLine(o.Code, o.Label, c[i], p[i])).ToList(), null, []));
                        break;
                    }
                case QuestionType.Likert or QuestionType.Scale10:
                    {
                        var c = q.ScalePoints.Select(v => Count(0, v)).ToList();
                        var p = Percentages(c, n);
                        var lines = q.ScalePoints.Select((v, i) => new CountLine(v, ScaleLabel(q, v), c[i], p[i])).ToList();
                        results.Add(new QuestionResult(q, n, lines, FromDistribution(q.ScalePoints.Select((v, i) => (v, c[i])).ToList()), []));
                        break;
                    }
                case QuestionType.Matrix or QuestionType.Ranking:
                    {
                        var items = q.Type == QuestionType.Matrix ? q.Rows : q.Options;
                        var points = q.Type == QuestionType.Matrix ? q.ScalePoints : Enumerable.Range(1, items.Count).ToList();
                        var rowResults = new List<RowResult>();
                        foreach (var row in items)
                        {
                            var rn = answered.GetValueOrDefault((q.No, row.Code));
                            var c = points.Select(v => Count(row.Code, v)).ToList();
                            var p = Percentages(c, rn);
                            rowResults.Add(new RowResult(row, rn, points.Select((v, i) => new CountLine(v, ScaleLabel(q, v), c[i], p[i])).ToList(),
                                FromDistribution(points.Select((v, i) => (v, c[i])).ToList())));
                        }
                        if (q.Type == QuestionType.Ranking)
                        {
                            // The best-ranked first: the lowest mean rank.
                            rowResults = rowResults.OrderBy(r => r.Summary?.Mean ?? double.MaxValue).ToList();
                        }
                        results.Add(new QuestionResult(q, rowResults.Count == 0 ? 0 : rowResults.Max(r => r.Answered), [], null, rowResults));
                        break;
                    }
                case QuestionType.Number:
                    {
                        var values = numbers.GetValueOrDefault(q.No) ?? [];
                        results.Add(new QuestionResult(q, values.Count, [], FromValues(values), []));
                        break;
                    }
                default:
                    results.Add(new QuestionResult(q, 0, [], null, []));
                    break;
            }
        }
        return new SurveyResultSet(total, false, results, perDay, perGroup);
    }

    public static string ScaleLabel(SurveyQuestion q, int value)
    {
        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var points = q.ScalePoints;
        if (points.Count > 0 && value == points[0] && q.LowLabel is { } low)
        {
            return text + " — " + low;
        }
        return points.Count > 0 && value == points[^1] && q.HighLabel is { } high ? text + " — " + high : text;
    }
}
