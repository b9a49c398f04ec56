namespace KtEvents.ServiceDefaults.Tests.Resilience;

/// <summary>A request body that can be read once, like a network or pipe stream.</summary>
public sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
{
    public override bool CanSeek => false;
}
