namespace Glas.Web.Feedback;

/// <summary>Settings of citizen feedback (section <c>Glas:Feedback</c>).</summary>
public sealed class FeedbackOptions
{
    /// <summary>Per administration slug, the area points must fall in: "minLat,minLon,maxLat,maxLon". Without one, Bulgaria.</summary>
    public Dictionary<string, string> Areas { get; set; } = [];

    /// <summary>Per administration slug, the api_key Open311 submissions must carry. Without one, none is asked.</summary>
    public Dictionary<string, string> ApiKeys { get; set; } = [];

    /// <summary>The map's tile server ({z}/{x}/{y}, optionally {s}); empty for no map (the lists and the address fields remain).</summary>
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>The credit the tile server asks for, shown on the map.</summary>
    public string TileAttribution { get; set; } = "© OpenStreetMap contributors";

    /// <summary>Extra non-working days (yyyy-MM-dd) the government declared, which end no deadline.</summary>
    public List<string> NonWorkingDays { get; set; } = [];

    /// <summary>Saturdays (yyyy-MM-dd) declared working days, on which a deadline may end.</summary>
    public List<string> WorkingDays { get; set; } = [];

    private WorkingCalendar? calendar;

    /// <summary>The law's calendar with the days these settings move.</summary>
    public WorkingCalendar Calendar => calendar ??= NonWorkingDays.Count + WorkingDays.Count == 0 ? WorkingCalendar.Bulgaria : WorkingCalendar.From(NonWorkingDays, WorkingDays);

    public GeoBox Area(string slug) => Areas.TryGetValue(slug, out var box) && GeoBox.Parse(box) is { } parsed ? parsed : GeoBox.Bulgaria;

    public string? ApiKey(string slug) => ApiKeys.TryGetValue(slug, out var key) && !string.IsNullOrWhiteSpace(key) ? key : null;
}
