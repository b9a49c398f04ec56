using KtEvents.Contracts.Problems;
using KtEvents.Rpc;

namespace KtEvents.User.Grpc;

/// <summary>
/// The User service's errors with their stable codes (docs/api.md). A business number that is
/// malformed is INVALID_ARGUMENT; one the 국세청 does not accept (unknown, 휴업, 폐업) is
/// FAILED_PRECONDITION: well-formed, but the business's state forbids signing up.
/// </summary>
internal static class UserProblems
{
    public static RpcException BusinessNumberChecksum() => ServiceProblem.Create(
        StatusCode.InvalidArgument, "business_number_checksum", "사업자번호가 올바르지 않습니다. 번호를 다시 확인해주세요.");

    public static RpcException BusinessNumberUnknown() => ServiceProblem.Create(
        StatusCode.FailedPrecondition, "business_number_unknown", "국세청에 등록되지 않은 사업자번호입니다. 번호를 다시 확인해주세요.");

    public static RpcException BusinessSuspended() => ServiceProblem.Create(
        StatusCode.FailedPrecondition, "business_suspended", "휴업 중인 사업자번호로는 가입할 수 없습니다.");

    public static RpcException BusinessClosed() => ServiceProblem.Create(
        StatusCode.FailedPrecondition, "business_closed", "폐업한 사업자번호로는 가입할 수 없습니다.");

    public static RpcException BusinessCheckUnavailable() => ServiceProblem.Create(
        StatusCode.Unavailable, "business_check_unavailable", "국세청 사업자 조회에 실패했습니다. 잠시 후 다시 시도해주세요.");

    public static RpcException PhoneTaken() => ServiceProblem.Create(
        StatusCode.AlreadyExists, "phone_taken", "이미 가입된 전화번호입니다.");

    public static RpcException BusinessNumberTaken() => ServiceProblem.Create(
        StatusCode.AlreadyExists, "business_number_taken", "이미 가입된 사업자번호입니다.");

    public static RpcException InvalidCredentials() => ServiceProblem.Create(
        StatusCode.Unauthenticated, "invalid_credentials", "전화번호 또는 비밀번호를 확인해주세요");

    public static RpcException TooManyAttempts() => ServiceProblem.Create(
        StatusCode.ResourceExhausted, "too_many_attempts", "로그인 시도가 너무 많습니다. 15분 후 다시 시도해주세요.");

    public static RpcException RefreshTokenInvalid() => ServiceProblem.Create(
        StatusCode.Unauthenticated, "refresh_token_invalid", "로그인이 만료되었습니다. 다시 로그인해주세요.");

    public static RpcException OwnerNotFound() => ServiceProblem.NotFound("owner_not_found", "회원 정보를 찾을 수 없습니다.");
}
