// The 국세청 사업자등록 상태조회 API (data.go.kr "국세청_사업자등록정보 진위확인 및 상태조회 서비스"),
// faked over HTTP/1.1 JSON in its real wire format, for the User service's sign-up check (UFR-USER-010).
//
//   POST /api/nts-businessman/v1/status?serviceKey={Nts:ServiceKey}      {"b_no":["1234567891", …]}
//   200 {"status_code":"OK","request_cnt":1,"match_cnt":1,"data":[{"b_no":"1234567891","b_stt":"계속사업자",
//        "b_stt_cd":"01","tax_type":"부가가치세 일반과세자",…}]}
//
// Registry (Nts/NtsRegistry.cs), every number here with a valid check digit:
//   2000000008  휴업자  (b_stt_cd "02")
//   3000000007  폐업자  (b_stt_cd "03")
//   4000000006  not registered (b_stt_cd "", tax_type "국세청에 등록되지 않은 사업자등록번호입니다.")
//   any other ten digits with a valid check digit (1234567891, 1000000009, …): 계속사업자 (b_stt_cd "01")
//   anything with a wrong check digit, or not exactly ten digits: not registered
// match_cnt counts the registered ones.
//
// Errors as the real service gives them: a missing serviceKey is 401 {"code":-401,…}, a wrong one 401
// {"code":-4,"msg":"등록되지 않은 인증키 입니다."} (the key is Nts:ServiceKey, "sandbox-service-key" by
// default); a body that is not JSON is 400 {"status_code":"BAD_JSON_REQUEST"}; no b_no is 411
// REQUEST_DATA_MALFORMED; more than 100 numbers is 413 TOO_LARGE_REQUEST.
using System.Text.Json;

using KtEvents.Sandbox.Nts;

namespace KtEvents.Sandbox.Apis;

/// <summary>The 국세청 business-status API (see the file header for the registry and errors).</summary>
public static class NtsApi
{
    public const string StatusPath = "/api/nts-businessman/v1/status";
    public const string DefaultServiceKey = "sandbox-service-key";
    public const int MaxNumbersPerRequest = 100;

    public static IEndpointRouteBuilder MapNtsApi(this IEndpointRouteBuilder app)
    {
        var serviceKey = app.ServiceProvider.GetRequiredService<IConfiguration>()["Nts:ServiceKey"] is { Length: > 0 } configured
            ? configured
            : DefaultServiceKey;
        app.MapPost(StatusPath, (HttpRequest request, CancellationToken cancellationToken) =>
            GetStatusAsync(request, serviceKey, cancellationToken));
        return app;
    }

    private static async Task<IResult> GetStatusAsync(HttpRequest request, string serviceKey, CancellationToken cancellationToken)
    {
        var givenKey = request.Query["serviceKey"].ToString();
        if (givenKey.Length == 0)
        {
            return TypedResults.Json(NtsGatewayError.MissingKey, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (!string.Equals(givenKey, serviceKey, StringComparison.Ordinal))
        {
            return TypedResults.Json(NtsGatewayError.UnknownKey, statusCode: StatusCodes.Status401Unauthorized);
        }

        NtsStatusRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<NtsStatusRequest>(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return TypedResults.Json(NtsStatusError.BadJson, statusCode: StatusCodes.Status400BadRequest);
        }

        var numbers = body?.BusinessNumbers;
        if (numbers is null || numbers.Count == 0 || numbers.Any(number => number is null))
        {
            return TypedResults.Json(NtsStatusError.Malformed, statusCode: StatusCodes.Status411LengthRequired);
        }

        if (numbers.Count > MaxNumbersPerRequest)
        {
            return TypedResults.Json(NtsStatusError.TooLarge, statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var data = numbers.Select(NtsRegistry.Look).ToList();
        return TypedResults.Json(new NtsStatusResponse("OK", data.Count, data.Count(status => status.IsRegistered), data));
    }
}
