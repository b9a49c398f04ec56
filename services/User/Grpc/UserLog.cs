using KtEvents.User.Infrastructure.Nts;

namespace KtEvents.User.Grpc;

// Ids only: names and phone numbers stay out of logs (ARCHITECTURE.md §9).
internal static partial class UserLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Owner {UserId} signed up with store {StoreId}")]
    public static partial void Registered(ILogger logger, Guid userId, Guid storeId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Sign-up refused: the NTS says the business is {State}")]
    public static partial void BusinessRefused(ILogger logger, NtsBusinessState state);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Sign-in failed")]
    public static partial void LoginFailed(ILogger logger);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Owner {UserId} signed in")]
    public static partial void LoggedIn(ILogger logger, Guid userId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Owner {UserId} signed out")]
    public static partial void LoggedOut(ILogger logger, Guid userId);
}
