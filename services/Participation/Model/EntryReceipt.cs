namespace KtEvents.Participation.Model;

/// <summary>What a stored entry gives back to the customer.</summary>
public sealed record EntryReceipt(Guid EntryId, long Sequence, DateTimeOffset EnteredAt)
{
    public string EntryNumber => Model.EntryNumber.Format(Sequence);
}
