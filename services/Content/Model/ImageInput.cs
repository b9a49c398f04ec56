namespace KtEvents.Content.Model;

/// <summary>What an image shows, checked: the event's title, prize, store and period, and the store's colour.</summary>
public sealed record ImageInput(string Title, string Prize, string StoreName, string Period, string BrandColor);
