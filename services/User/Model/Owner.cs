namespace KtEvents.User.Model;

/// <summary>A signed-up store owner with their store.</summary>
public sealed record Owner(Guid Id, string Name, string Phone, string Email, string PasswordHash, OwnerStore Store);
