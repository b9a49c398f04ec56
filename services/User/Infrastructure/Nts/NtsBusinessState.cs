namespace KtEvents.User.Infrastructure.Nts;

/// <summary>What the 국세청 says about a business number (b_stt_cd), or that it could not be asked.</summary>
public enum NtsBusinessState
{
    /// <summary>01 계속사업자.</summary>
    Active,

    /// <summary>02 휴업자.</summary>
    Suspended,

    /// <summary>03 폐업자.</summary>
    Closed,

    /// <summary>Empty b_stt_cd: "국세청에 등록되지 않은 사업자등록번호입니다."</summary>
    Unregistered,

    /// <summary>No usable answer: network failure, an error status, or a body we cannot read.</summary>
    Unavailable,
}
