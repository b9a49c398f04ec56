using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Event.Model;

/// <summary>The four event purposes of UFR-EVENT-020 by the names integration events carry.</summary>
public static class PurposeNames
{
    public static string ToName(EventPurpose purpose) => purpose switch
    {
        EventPurpose.NewCustomers => "new_customers",
        EventPurpose.Revisit => "revisit",
        EventPurpose.Sales => "sales",
        EventPurpose.Awareness => "awareness",
        _ => "unspecified",
    };
}
