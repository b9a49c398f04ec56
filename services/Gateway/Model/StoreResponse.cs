namespace KtEvents.Gateway.Model;

public sealed record StoreResponse(string StoreId, string Name, string Industry, string Address, string OpeningHours, string BusinessNumber);
