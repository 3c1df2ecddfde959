namespace Glas.Web.Feedback;

/// <summary>Settings of citizen feedback (section <c>Glas:Feedback</c>).</summary>
public sealed class FeedbackOptions
{
    /// <summary>Per administration slug, the area points must fall in: "minLat,minLon,maxLat,maxLon". Without one, Bulgaria.</summary>
    public Dictionary<string, string> Areas { get; set; } = [];

    /// <summary>Per administration slug, the api_key Open311 submissions must carry. Without one, none is asked.</summary>
    public Dictionary<string, string> ApiKeys { get; set; } = [];

    public GeoBox Area(string slug) => Areas.TryGetValue(slug, out var box) && GeoBox.Parse(box) is { } parsed ? parsed : GeoBox.Bulgaria;

    public string? ApiKey(string slug) => ApiKeys.TryGetValue(slug, out var key) && !string.IsNullOrWhiteSpace(key) ? key : null;
}
