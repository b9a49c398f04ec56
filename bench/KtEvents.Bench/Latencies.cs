using System.Globalization;

/// <summary>Nearest-rank percentiles of a phase's times, formatted for the table.</summary>
internal sealed class Latencies(IEnumerable<double> milliseconds)
{
    private readonly double[] _sorted = [.. milliseconds.Order()];

    public int Count => _sorted.Length;

    public double Percentile(double p) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public static string Format(double milliseconds) => milliseconds switch
    {
        double.NaN => "–",
        >= 1000 => (milliseconds / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s",
        >= 10 => milliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms",
        _ => milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms",
    };
}
