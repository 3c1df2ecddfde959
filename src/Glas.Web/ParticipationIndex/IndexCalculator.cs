namespace Glas.Web.ParticipationIndex;

/// <summary>One indicator in one period: its raw value and score (null: no data), its weight in the methodology and its share of the index after renormalising.</summary>
public sealed record IndicatorResult(string Code, decimal? Raw, decimal? Score, decimal Weight, decimal EffectiveWeight, IReadOnlyDictionary<string, decimal> Numbers);

/// <summary>The index of one period: the combined score (null when no indicator has data), the methodology version and every indicator.</summary>
public sealed record IndexResult(decimal? Index, int MethodologyVersion, IReadOnlyList<IndicatorResult> Indicators)
{
    /// <summary>The share of the methodology's weight that had data, in per cent.</summary>
    public decimal Coverage => Indicators.Where(i => i.Score is not null).Sum(i => i.Weight);
}

/// <summary>
/// The arithmetic of the index, plain and tested: each indicator's raw value is put on 0–100 between
/// its bounds (clamped; reversed when less is better), and the index is the weighted mean of the
/// indicators that have data, their weights renormalised to add up to 100 %. An indicator without
/// data is left out, never counted as zero; with no data at all there is no index.
/// </summary>
public static class IndexCalculator
{
    public static decimal Normalise(decimal raw, decimal lower, decimal upper, bool higherIsBetter)
    {
        if (upper <= lower)
        {
            throw new ArgumentException("The lower bound must be below the upper bound.", nameof(lower));
        }
        var share = (Math.Clamp(raw, lower, upper) - lower) / (upper - lower);
        return Math.Round(100m * (higherIsBetter ? share : 1m - share), 2);
    }

    public static IndexResult Compute(IReadOnlyList<IndicatorSetting> methodology, int version, IndexInputs inputs)
    {
        var partial = new List<(IndicatorSetting Setting, decimal? Raw, decimal? Score, Dictionary<string, decimal> Numbers)>();
        foreach (var setting in methodology)
        {
            if (IndexIndicators.Find(setting.Code) is not { } definition)
            {
                continue;
            }
            var raw = definition.Raw(inputs);
            var numbers = new Dictionary<string, decimal>();
            foreach (var key in definition.Inputs)
            {
                if (inputs.Get(key) is { } value)
                {
                    numbers[key.ToString()] = value;
                }
            }
            raw = raw is { } r ? Math.Round(r, 2) : null;
            var score = raw is { } v ? Normalise(v, setting.Lower, setting.Upper, definition.HigherIsBetter) : (decimal?)null;
            partial.Add((setting, raw, score, numbers));
        }
        var weightWithData = partial.Where(p => p.Score is not null).Sum(p => p.Setting.Weight);
        var results = partial.Select(p => new IndicatorResult(p.Setting.Code, p.Raw, p.Score, p.Setting.Weight,
            p.Score is not null && weightWithData > 0 ? Math.Round(100m * p.Setting.Weight / weightWithData, 2) : 0m, p.Numbers)).ToList();
        decimal? index = weightWithData > 0
            ? Math.Round(partial.Where(p => p.Score is not null).Sum(p => p.Score!.Value * p.Setting.Weight) / weightWithData, 1)
            : null;
        return new IndexResult(index, version, results);
    }
}
