namespace KtEvents.EndToEnd.Tests.Infrastructure;

/// <summary>The browser's live connection to an event (<c>GET /api/events/{id}/live</c>), reading event names.</summary>
public sealed class LiveStream : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly List<string> _seen = [];
    private readonly Task _reading;
    private readonly CancellationTokenSource _stop = new();

    private LiveStream(HttpResponseMessage response)
    {
        _response = response;
        _reading = Task.Run(ReadAsync);
    }

    public static async Task<LiveStream> OpenAsync(GatewayClient client, Guid eventId)
    {
        var response = await client.Http.GetAsync($"/api/events/{eventId}/live", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new LiveStream(response);
    }

    /// <summary>The event names seen so far, once <paramref name="name"/> is among them (or after 30 s).</summary>
    public async Task<IReadOnlyList<string>> SeenAsync(string name)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            lock (_seen)
            {
                if (_seen.Contains(name))
                {
                    return _seen.ToList();
                }
            }

            await Task.Delay(100);
        }

        lock (_seen)
        {
            return _seen.ToList();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _response.Dispose();
        // The reader ends on cancellation; wait for it so nothing touches the disposed response.
        _reading.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }

    private async Task ReadAsync()
    {
        try
        {
            using var reader = new StreamReader(await _response.Content.ReadAsStreamAsync(_stop.Token));
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    lock (_seen)
                    {
                        _seen.Add(line["event: ".Length..]);
                    }
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException)
        {
            // The test closed the stream.
        }
    }
}
