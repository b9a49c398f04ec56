using Google.Protobuf.Reflection;

using KtEvents.Contracts.User.V1;
using KtEvents.Rpc;

namespace KtEvents.Contracts.Clients;

/// <summary>Typed client of <c>kt.user.v1.UserService</c>, as Grpc.Tools would generate it (see <see cref="ClientBase"/>).</summary>
public sealed class UserClient(CallInvoker callInvoker) : ClientBase(callInvoker)
{
    private static readonly ServiceDescriptor Service = UserReflection.Descriptor.GetService("UserService");

    private static readonly Method<RegisterRequest, AuthReply> RegisterMethod =
        Method<RegisterRequest, AuthReply>.Resolve(Service, "Register");

    private static readonly Method<LoginRequest, AuthReply> LoginMethod =
        Method<LoginRequest, AuthReply>.Resolve(Service, "Login");

    private static readonly Method<RefreshRequest, AuthReply> RefreshMethod =
        Method<RefreshRequest, AuthReply>.Resolve(Service, "Refresh");

    private static readonly Method<LogoutRequest, LogoutReply> LogoutMethod =
        Method<LogoutRequest, LogoutReply>.Resolve(Service, "Logout");

    private static readonly Method<GetProfileRequest, OwnerProfile> GetProfileMethod =
        Method<GetProfileRequest, OwnerProfile>.Resolve(Service, "GetProfile");

    public AsyncUnaryCall<AuthReply> RegisterAsync(RegisterRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(RegisterMethod, options, request);

    public AsyncUnaryCall<AuthReply> LoginAsync(LoginRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(LoginMethod, options, request);

    public AsyncUnaryCall<AuthReply> RefreshAsync(RefreshRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(RefreshMethod, options, request);

    public AsyncUnaryCall<LogoutReply> LogoutAsync(LogoutRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(LogoutMethod, options, request);

    public AsyncUnaryCall<OwnerProfile> GetProfileAsync(GetProfileRequest request, CallOptions options = default) =>
        CallInvoker.AsyncUnaryCall(GetProfileMethod, options, request);
}
