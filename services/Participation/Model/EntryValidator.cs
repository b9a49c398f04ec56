using KtEvents.Contracts.Channels;
using KtEvents.Contracts.Participation.V1;
using KtEvents.Contracts.Problems;
using KtEvents.Rpc;

namespace KtEvents.Participation.Model;

/// <summary>UFR-PART-010's rules for what a customer types, with a Korean message per field.</summary>
public static class EntryValidator
{
    public static NewEntry Validate(Guid eventId, EnterRequest request)
    {
        var errors = new Dictionary<string, string[]>();

        var name = request.Name.Trim();
        if (PersonName.LengthOf(name) < PersonName.MinLength)
        {
            errors["name"] = ["이름을 2자 이상 입력해주세요."];
        }
        else if (PersonName.LengthOf(name) > PersonName.MaxLength)
        {
            errors["name"] = [$"이름은 {PersonName.MaxLength}자 이하로 입력해주세요."];
        }

        var phone = PhoneNumber.NormalizeMobile(request.Phone);
        if (phone is null)
        {
            errors["phone"] = [string.IsNullOrWhiteSpace(request.Phone)
                ? "휴대폰 번호를 입력해주세요."
                : "휴대폰 번호를 정확히 입력해주세요. (예: 010-1234-5678)"];
        }

        var channel = string.IsNullOrWhiteSpace(request.Channel) ? null : request.Channel.Trim();
        if (channel is not null && !ChannelCodes.IsKnown(channel))
        {
            errors["channel"] = ["참여 경로를 목록에서 선택해주세요."];
        }

        if (errors.Count > 0)
        {
            if (!request.PrivacyConsent)
            {
                errors["privacyConsent"] = [ConsentRequiredMessage];
            }
            throw ServiceProblem.Validation(errors);
        }

        // Consent on its own gets its own code, so the page can point at the checkbox (docs/api.md).
        if (!request.PrivacyConsent)
        {
            throw ServiceProblem.Create(StatusCode.InvalidArgument, "consent_required", ConsentRequiredMessage);
        }
        if (request.ConsentVersion != PrivacyConsent.Version)
        {
            // The customer agreed to a text that is no longer the one we show: ask again.
            throw ServiceProblem.Create(StatusCode.InvalidArgument, "consent_required",
                "개인정보 수집·이용 동의 내용이 변경되었습니다. 화면을 새로고침한 뒤 다시 동의해주세요.");
        }

        return new NewEntry(eventId, name, phone!, channel, request.MarketingConsent, PrivacyConsent.Version);
    }

    private const string ConsentRequiredMessage = "개인정보 수집·이용에 동의해야 참여할 수 있습니다.";
}
