namespace KtEvents.Caching.Connections;

/// <summary>
/// The commands awaiting replies, oldest first: a growable ring buffer with an indexer, which the
/// timeout check needs to look past commands that already timed out but still await their reply.
/// Not thread-safe; the connection guards it with its lock.
/// </summary>
internal sealed class ReplyQueue
{
    private IPendingReply[] items = new IPendingReply[64];
    private int head;

    public int Count { get; private set; }

    public IPendingReply this[int index] => items[(head + index) % items.Length];

    public void Enqueue(IPendingReply item)
    {
        if (Count == items.Length)
        {
            var larger = new IPendingReply[items.Length * 2];
            for (var i = 0; i < Count; i++)
            {
                larger[i] = this[i];
            }
            items = larger;
            head = 0;
        }
        items[(head + Count) % items.Length] = item;
        Count++;
    }

    public IPendingReply Dequeue()
    {
        var item = items[head];
        items[head] = null!; // let the completed command be collected
        head = (head + 1) % items.Length;
        Count--;
        return item;
    }

    public IPendingReply[] DrainAll()
    {
        var all = new IPendingReply[Count];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = Dequeue();
        }
        return all;
    }
}
