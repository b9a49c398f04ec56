namespace KtEvents.User.Model;

/// <summary>A sign-up that passed validation, every value trimmed and normalised.</summary>
public sealed record Registration(
    string Name,
    string Phone,
    string Email,
    string Password,
    string StoreName,
    string Industry,
    string Address,
    string OpeningHours,
    string BusinessNumber);
