using System.Net.Sockets;

namespace KtEvents.Hosting.Processes;

/// <summary>Readiness probes that speak just enough of a server's protocol to know it serves.</summary>
public static class TcpProbe
{
    /// <summary>Polls until <paramref name="probe"/> returns true, the process exits, or time runs out.</summary>
    public static async Task WaitAsync(string serverName, ServerProcess process, TimeSpan limit, Func<CancellationToken, Task<bool>> probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        while (!timeout.IsCancellationRequested)
        {
            if (process.HasExited)
            {
                throw new InfrastructureUnavailableException($"{serverName} exited while starting:\n{process.RecentOutput}");
            }
            try
            {
                if (await probe(timeout.Token))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
            {
            }
            try
            {
                await Task.Delay(100, timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        throw new InfrastructureUnavailableException($"{serverName} was not ready within {limit.TotalSeconds} s:\n{process.RecentOutput}");
    }

    /// <summary>Sends <paramref name="request"/> and reads the first bytes of the answer.</summary>
    public static async Task<byte[]> ExchangeAsync(int port, byte[] request, int answerBytes, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(request, cancellationToken);
        var buffer = new byte[answerBytes];
        var read = 0;
        while (read < answerBytes)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }
            read += n;
        }
        return buffer[..read];
    }
}
