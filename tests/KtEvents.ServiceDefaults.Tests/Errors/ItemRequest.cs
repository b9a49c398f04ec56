namespace KtEvents.ServiceDefaults.Tests.Errors;

public sealed record ItemRequest(string Name, int Quantity);
