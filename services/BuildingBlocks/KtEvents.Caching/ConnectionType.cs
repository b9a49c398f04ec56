namespace KtEvents.Caching;

/// <summary>Which of the multiplexer's two connections an event is about.</summary>
public enum ConnectionType
{
    /// <summary>The shared, pipelined connection every command uses.</summary>
    Interactive,

    /// <summary>The dedicated connection in RESP2 subscribe mode (opened on the first subscription).</summary>
    Subscription,
}
