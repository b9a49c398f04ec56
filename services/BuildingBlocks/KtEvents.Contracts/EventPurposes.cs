using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Contracts;

/// <summary>
/// The four event purposes of UFR-EVENT-020 by name, as the REST API (docs/api.md) and the
/// integration events carry them.
/// </summary>
public static class EventPurposes
{
    public static string ToName(EventPurpose purpose) => purpose switch
    {
        EventPurpose.NewCustomers => "new_customers",
        EventPurpose.Revisit => "revisit",
        EventPurpose.Sales => "sales",
        EventPurpose.Awareness => "awareness",
        _ => "unspecified",
    };

    /// <summary>The purpose of a name; <see cref="EventPurpose.Unspecified"/> for anything else, which the Event service refuses.</summary>
    public static EventPurpose Parse(string? name) => name switch
    {
        "new_customers" => EventPurpose.NewCustomers,
        "revisit" => EventPurpose.Revisit,
        "sales" => EventPurpose.Sales,
        "awareness" => EventPurpose.Awareness,
        _ => EventPurpose.Unspecified,
    };
}
