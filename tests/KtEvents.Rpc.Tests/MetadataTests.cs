using System.Text;

using KtEvents.Rpc.Tests.Clients;
using KtEvents.Rpc.Tests.Infrastructure;
using KtEvents.Rpc.Tests.Protos;

namespace KtEvents.Rpc.Tests;

public sealed class MetadataTests
{
    [Fact]
    public async Task Authorization_from_CallOptions_reaches_the_server_and_authenticates_the_caller()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<EchoClient>();

        var reply = await client.EchoAsync(new EchoRequest(),
            new CallOptions(headers: new Metadata { { "authorization", "Bearer owner-42" } }));

        Assert.Equal("Bearer owner-42", reply.Authorization);
        Assert.Equal("owner-42", reply.User);
    }

    [Fact]
    public async Task Custom_text_and_binary_metadata_arrive_and_protocol_headers_are_not_metadata()
    {
        await using var server = await RpcTestServer.StartAsync();
        var client = server.CreateClient<EchoClient>();
        var korean = Encoding.UTF8.GetBytes("매장 이름");

        var reply = await client.EchoAsync(new EchoRequest(), new CallOptions(
            headers: new Metadata { { "X-Request-Source", "wizard" }, { "store-name-bin", korean } },
            deadline: DateTime.UtcNow.AddMinutes(1)));

        Assert.Equal("wizard", reply.Metadata["x-request-source"]);
        Assert.Equal(Convert.ToBase64String(korean), reply.Metadata["store-name-bin"]);
        Assert.DoesNotContain("grpc-timeout", reply.Metadata.Keys);
        Assert.DoesNotContain("content-type", reply.Metadata.Keys);
        Assert.DoesNotContain("te", reply.Metadata.Keys);
    }

    [Fact]
    public async Task Service_to_service_call_forwards_the_callers_jwt_when_opted_in()
    {
        await using var server = await RpcTestServer.StartAsync();
        var relay = server.CreateClient<RelayClient>();

        var reply = await relay.RelayAsync(new EchoRequest { Text = "relayed" },
            new CallOptions(headers: new Metadata { { "authorization", "Bearer owner-9" } }));

        Assert.Equal("relayed", reply.Text);
        Assert.Equal("Bearer owner-9", reply.Authorization);
        Assert.Equal("owner-9", reply.User);
    }

    [Fact]
    public async Task Service_to_service_call_without_an_incoming_jwt_sends_none()
    {
        await using var server = await RpcTestServer.StartAsync();
        var relay = server.CreateClient<RelayClient>();

        var reply = await relay.RelayAsync(new EchoRequest());

        Assert.Equal("", reply.Authorization);
        Assert.Equal("", reply.User);
    }

    [Theory]
    [InlineData("bad key", "v")]
    [InlineData("name", "매장")]
    [InlineData("name", "line\nbreak")]
    [InlineData("data-bin", "text for a binary key")]
    public void Metadata_rejects_what_http2_headers_cannot_carry(string key, string value)
    {
        Assert.Throws<ArgumentException>(() => new Metadata { { key, value } });
    }

    [Fact]
    public void Metadata_keys_are_lower_case_and_the_last_value_wins_in_GetValue()
    {
        var metadata = new Metadata { { "X-Trace", "a" }, { "x-trace", "b" } };

        Assert.Equal("b", metadata.GetValue("X-TRACE"));
        Assert.Equal(["a", "b"], metadata.GetAll("x-trace").Select(e => e.Value));
        Assert.Throws<InvalidOperationException>(() => new Metadata { { "raw-bin", new byte[] { 1 } } }[0].Value);
    }
}
