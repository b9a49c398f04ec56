namespace KtEvents.Gateway.Model;

public sealed record OwnerResponse(string UserId, string Name, string Phone, string Email, StoreResponse Store);
