using System.Net;

namespace KtEvents.Caching;

/// <summary>The shared client, registered as a singleton, as StackExchange.Redis's interface of the same name.</summary>
public interface IConnectionMultiplexer : IDisposable, IAsyncDisposable
{
    /// <summary>Raised (on a background thread) when a connection breaks; reconnection starts by itself.</summary>
    event EventHandler<ConnectionFailedEventArgs>? ConnectionFailed;

    /// <summary>Raised (on a background thread) when a broken connection is back, subscriptions included.</summary>
    event EventHandler<ConnectionFailedEventArgs>? ConnectionRestored;

    /// <summary>The configuration as a connection string, with the password masked.</summary>
    string Configuration { get; }

    string? ClientName { get; }

    /// <summary>True while the interactive connection is up.</summary>
    bool IsConnected { get; }

    /// <summary>The command timeout in milliseconds (<c>asyncTimeout</c>).</summary>
    int TimeoutMilliseconds { get; }

    /// <summary>The database of the connection string (<c>defaultDatabase</c>, 0 if absent); pass -1 or that number.</summary>
    IDatabase GetDatabase(int db = -1);

    ISubscriber GetSubscriber();

    IServer GetServer(EndPoint endpoint);

    IServer[] GetServers();

    EndPoint[] GetEndPoints();

    void Close();

    Task CloseAsync();
}
