using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KtEvents.EndToEnd.Tests.Infrastructure;

/// <summary>The browser's side of the REST API: JSON in and out, the owner's bearer token once signed in.</summary>
public sealed class GatewayClient(Uri gateway) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };

    public string? AccessToken
    {
        get => _http.DefaultRequestHeaders.Authorization?.Parameter;
        set => _http.DefaultRequestHeaders.Authorization = value is null ? null : new AuthenticationHeaderValue("Bearer", value);
    }

    public Task<Reply> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<Reply> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body ?? new { });

    public Task<Reply> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    public HttpClient Http => _http;

    public void Dispose() => _http.Dispose();

    private async Task<Reply> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
            ? JsonDocument.Parse(text).RootElement.Clone()
            : default;
        return new Reply(response.StatusCode, json, text, response.Content.Headers.ContentType?.MediaType);
    }

    public sealed record Reply(HttpStatusCode Status, JsonElement Json, string Text, string? MediaType)
    {
        /// <summary>The reply, after checking its status (the body is in the failure message).</summary>
        public Reply Expect(HttpStatusCode status)
        {
            Assert.True(Status == status, $"Expected {(int)status} but got {(int)Status}: {Text}");
            return this;
        }

        public string Code => Json.GetProperty("code").GetString()!;

        public string Detail => Json.GetProperty("detail").GetString()!;
    }
}
