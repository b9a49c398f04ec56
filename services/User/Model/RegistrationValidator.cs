using System.Net.Mail;
using System.Text.RegularExpressions;

using KtEvents.Contracts.User.V1;

namespace KtEvents.User.Model;

/// <summary>
/// The input rules of UFR-USER-010, with a Korean message per field (names as in docs/api.md). Every
/// field is checked, so the form can show all its problems at once.
/// </summary>
public static partial class RegistrationValidator
{
    private const int MaxText = 100;

    /// <summary>The normalised sign-up, or null with the messages per field in <paramref name="errors"/>.</summary>
    public static Registration? Validate(RegisterRequest request, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var name = request.Name.Trim();
        if (!NamePattern().IsMatch(name) || name.Count(char.IsLetter) < 2 || name.Length > 50)
        {
            errors["name"] = ["이름은 한글 또는 영문 2자 이상으로 입력해주세요."];
        }

        if (!PhoneNumber.TryNormalize(request.Phone, out var phone))
        {
            errors["phone"] = ["휴대폰 번호를 010-1234-5678 형식으로 입력해주세요."];
        }

        var email = request.Email.Trim();
        if (!IsEmail(email))
        {
            errors["email"] = ["올바른 이메일 주소를 입력해주세요."];
        }

        if (!IsStrongPassword(request.Password))
        {
            errors["password"] = ["비밀번호는 영문, 숫자, 특수문자를 포함해 8자 이상으로 입력해주세요."];
        }

        var storeName = request.StoreName.Trim();
        if (storeName.Length is 0 or > MaxText)
        {
            errors["storeName"] = [storeName.Length == 0 ? "매장명을 입력해주세요." : "매장명은 100자 이내로 입력해주세요."];
        }

        var industry = request.Industry.Trim();
        if (!Industries.Codes.Contains(industry))
        {
            errors["industry"] = ["업종을 선택해주세요."];
        }

        var address = request.Address.Trim();
        if (address.Length is 0 or > 200)
        {
            errors["address"] = [address.Length == 0 ? "주소를 입력해주세요." : "주소는 200자 이내로 입력해주세요."];
        }

        var openingHours = request.OpeningHours.Trim();
        if (openingHours.Length > MaxText)
        {
            errors["openingHours"] = ["영업시간은 100자 이내로 입력해주세요."];
        }

        if (!BusinessNumber.TryNormalize(request.BusinessNumber, out var businessNumber))
        {
            errors["businessNumber"] = [string.IsNullOrWhiteSpace(request.BusinessNumber)
                ? "사업자번호를 입력해주세요."
                : "사업자번호 10자리를 숫자로 입력해주세요."];
        }

        return errors.Count > 0
            ? null
            : new Registration(name, phone, email, request.Password, storeName, industry, address, openingHours, businessNumber);
    }

    /// <summary>8 to 128 characters with at least one letter, one digit and one special character.</summary>
    public static bool IsStrongPassword(string password) =>
        password.Length is >= 8 and <= 128
        && password.Any(char.IsAsciiLetter)
        && password.Any(char.IsAsciiDigit)
        && password.Any(c => !char.IsLetterOrDigit(c) && !char.IsWhiteSpace(c) && !char.IsControl(c));

    private static bool IsEmail(string email) =>
        email.Length <= 254
        && EmailPattern().IsMatch(email)
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email;

    // Words of Hangul syllables or Latin letters, single spaces between them ("홍길동", "Kim Minsu").
    [GeneratedRegex(@"^[가-힣A-Za-z]+( [가-힣A-Za-z]+)*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
