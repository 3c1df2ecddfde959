namespace Glas.Web.Consultations;

public sealed class ConsultationOptions
{
    /// <summary>Longest comment, in characters.</summary>
    public int MaxCommentLength { get; set; } = 5000;

    /// <summary>How often the clock opens, closes and reminds.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(1);
}
