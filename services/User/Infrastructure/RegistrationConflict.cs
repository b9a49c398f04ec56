namespace KtEvents.User.Infrastructure;

/// <summary>Which unique value of a sign-up someone else already holds.</summary>
public enum RegistrationConflict
{
    None,
    Phone,
    BusinessNumber,
}
