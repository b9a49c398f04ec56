namespace KtEvents.Caching;

/// <summary>Direction of a sorted-set range (ZRANGE or ZREVRANGE).</summary>
public enum Order
{
    Ascending,
    Descending,
}
