namespace KtEvents.Participation.Model;

/// <summary>An entry that passed validation: name trimmed, phone normalised, consent to the current text.</summary>
public sealed record NewEntry(
    Guid EventId,
    string Name,
    string Phone,
    string? Channel,
    bool MarketingConsent,
    string ConsentVersion);
