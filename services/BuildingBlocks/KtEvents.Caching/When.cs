namespace KtEvents.Caching;

/// <summary>The condition of a write, as StackExchange.Redis's <c>When</c> (NX / XX on the wire).</summary>
public enum When
{
    Always,
    Exists,
    NotExists,
}
