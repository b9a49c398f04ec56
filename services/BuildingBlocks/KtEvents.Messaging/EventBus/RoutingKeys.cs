using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;

using KtEvents.Contracts.IntegrationEvents;

namespace KtEvents.Messaging.EventBus;

/// <summary>The routing key of an event type, from its <see cref="RoutingKeyAttribute"/>.</summary>
internal static partial class RoutingKeys
{
    private static readonly ConcurrentDictionary<Type, string> Cache = new();

    public static string For(Type eventType) => Cache.GetOrAdd(eventType, static type =>
    {
        var key = type.GetCustomAttribute<RoutingKeyAttribute>(inherit: false)?.Value
            ?? throw new InvalidOperationException(
                $"{type.Name} has no [RoutingKey(\"<service>.<event-name>\")] attribute; every integration event needs one.");
        // '*' and '#' are topic wildcards and would make a binding match more than one event.
        if (!Pattern().IsMatch(key))
        {
            throw new InvalidOperationException(
                $"{type.Name} has routing key '{key}'; use lower-case words joined by dots and dashes, e.g. 'participation.participant-registered'.");
        }
        return key;
    });

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+$")]
    private static partial Regex Pattern();
}
