namespace KtEvents.Gateway.Model;

public sealed record StoreSnapshotResponse(string StoreId, string Name, string Industry, string Address, string Phone);
