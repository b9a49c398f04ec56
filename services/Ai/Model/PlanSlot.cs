using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Ai.Model;

/// <summary>One of the six plans of a reply: a budget band and online or offline.</summary>
public sealed record PlanSlot(BudgetBand Band, PlanKind Kind)
{
    /// <summary>Low to high, each online then offline: the order of the reply's plans.</summary>
    public static IReadOnlyList<PlanSlot> All { get; } =
        [.. BudgetBand.All.SelectMany(band => new[] { new PlanSlot(band, PlanKind.Online), new PlanSlot(band, PlanKind.Offline) })];

    public string KindCode => Kind == PlanKind.Online ? "online" : "offline";

    /// <summary>"low-online" etc.: stable, so the Event service can refer to a plan of a reply.</summary>
    public string PlanId => $"{Band.Code}-{KindCode}";
}
