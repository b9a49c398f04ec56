namespace KtEvents.User.Model;

/// <summary>An owner's store; one per owner.</summary>
public sealed record OwnerStore(Guid Id, string Name, string Industry, string Address, string OpeningHours, string BusinessNumber);
