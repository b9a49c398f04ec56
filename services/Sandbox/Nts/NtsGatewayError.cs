using System.Text.Json.Serialization;

namespace KtEvents.Sandbox.Nts;

/// <summary>
/// The data.go.kr (api.odcloud.kr) gateway's answer to a bad service key, given before the API runs:
/// HTTP 401 with <c>{"code":-4,"msg":"등록되지 않은 인증키 입니다."}</c>.
/// </summary>
public sealed record NtsGatewayError(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("msg")] string Message)
{
    public static readonly NtsGatewayError MissingKey = new(-401, "유효하지 않은 인증키 입니다.");
    public static readonly NtsGatewayError UnknownKey = new(-4, "등록되지 않은 인증키 입니다.");
}
