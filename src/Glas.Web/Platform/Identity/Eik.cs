namespace Glas.Web.Platform.Identity;

/// <summary>
/// ЕИК/БУЛСТАТ: 9 digits (legal entities) or 13 digits (branches), each ending in a check digit
/// computed with weights 1..8 (fallback 3..10) and, for 13 digits, 2,7,3,5 (fallback 4,9,5,7).
/// </summary>
public static class Eik
{
    private static readonly int[] Nine = [1, 2, 3, 4, 5, 6, 7, 8];
    private static readonly int[] NineFallback = [3, 4, 5, 6, 7, 8, 9, 10];
    private static readonly int[] Thirteen = [2, 7, 3, 5];
    private static readonly int[] ThirteenFallback = [4, 9, 5, 7];

    public static bool IsValid(string? value)
    {
        if (value is null || (value.Length != 9 && value.Length != 13) || !value.All(char.IsAsciiDigit))
        {
            return false;
        }
        var d = value.Select(c => c - '0').ToArray();
        if (Check(d, 0, Nine, NineFallback) != d[8])
        {
            return false;
        }
        return value.Length == 9 || Check(d, 8, Thirteen, ThirteenFallback) == d[12];
    }

    private static int Check(int[] digits, int start, int[] weights, int[] fallback)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += digits[start + i] * weights[i];
        }
        var r = sum % 11;
        if (r != 10)
        {
            return r;
        }
        sum = 0;
        for (var i = 0; i < fallback.Length; i++)
        {
            sum += digits[start + i] * fallback[i];
        }
        r = sum % 11;
        return r == 10 ? 0 : r;
    }
}
