namespace KtEvents.Sandbox.Nts;

/// <summary>
/// The sandbox's whole "국세청 database". Every number below has a valid check digit, so that the
/// User service's own check passes and the answer of this API is what decides:
/// <list type="table">
/// <item><term>2000000008</term><description>휴업자 (b_stt_cd "02")</description></item>
/// <item><term>3000000007</term><description>폐업자 (b_stt_cd "03", end_dt 20240101)</description></item>
/// <item><term>4000000006</term><description>not registered (b_stt_cd "")</description></item>
/// </list>
/// Any other ten digits with a valid check digit (1234567891, 1000000009, …) are a 계속사업자
/// (b_stt_cd "01", 부가가치세 일반과세자); anything else — wrong check digit, dashes, not ten digits — is
/// not registered, as the real API answers such input.
/// </summary>
public static class NtsRegistry
{
    public const string SuspendedNumber = "2000000008";
    public const string ClosedNumber = "3000000007";
    public const string UnregisteredNumber = "4000000006";

    public static NtsBusinessStatus Look(string number) => number switch
    {
        SuspendedNumber => NtsBusinessStatus.Registered(number, "휴업자", "02", endDate: ""),
        ClosedNumber => NtsBusinessStatus.Registered(number, "폐업자", "03", endDate: "20240101"),
        UnregisteredNumber => NtsBusinessStatus.Unregistered(number),
        _ when BusinessNumberCheckDigit.IsValid(number) => NtsBusinessStatus.Registered(number, "계속사업자", "01", endDate: ""),
        _ => NtsBusinessStatus.Unregistered(number),
    };
}
