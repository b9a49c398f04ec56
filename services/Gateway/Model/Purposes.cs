using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Gateway.Model;

/// <summary>The four event purposes of UFR-EVENT-020, by their REST names.</summary>
public static class Purposes
{
    public static string ToName(EventPurpose purpose) => purpose switch
    {
        EventPurpose.NewCustomers => "new_customers",
        EventPurpose.Revisit => "revisit",
        EventPurpose.Sales => "sales",
        EventPurpose.Awareness => "awareness",
        _ => "unspecified",
    };

    public static EventPurpose Parse(string? name) => name switch
    {
        "new_customers" => EventPurpose.NewCustomers,
        "revisit" => EventPurpose.Revisit,
        "sales" => EventPurpose.Sales,
        "awareness" => EventPurpose.Awareness,
        _ => EventPurpose.Unspecified,
    };
}
