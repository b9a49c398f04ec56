namespace KtEvents.Participation.Model;

/// <summary>
/// The privacy consent a customer gives when entering (ARCHITECTURE.md §9: recorded with its text
/// version and time). A change of wording gets a new <see cref="Version"/>; an entry agreeing to an
/// older version is refused, so every stored consent names the text the customer actually saw.
/// </summary>
public static class PrivacyConsent
{
    public const string Version = "2026-11-v1";

    public const string Text =
        "[개인정보 수집·이용 동의]\n" +
        "1. 수집 항목: 이름, 휴대폰 번호, 참여 경로\n" +
        "2. 수집·이용 목적: 이벤트 참여 접수, 중복 참여 확인, 당첨자 선정 및 당첨 안내\n" +
        "3. 보유·이용 기간: 당첨자 발표 후 6개월이 지나면 지체 없이 파기합니다.\n" +
        "4. 동의를 거부할 권리가 있으며, 거부하시면 이벤트에 참여하실 수 없습니다.\n" +
        "[마케팅 정보 수신 동의(선택)]\n" +
        "매장의 할인·신메뉴·이벤트 소식을 문자로 받아보실 수 있습니다. 동의하지 않아도 참여에 제한이 없습니다.";
}
