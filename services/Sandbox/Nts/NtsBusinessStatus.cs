using System.Text.Json.Serialization;

namespace KtEvents.Sandbox.Nts;

/// <summary>One element of <c>data</c> in the status answer, with the real API's field names.</summary>
public sealed record NtsBusinessStatus(
    [property: JsonPropertyName("b_no")] string BusinessNumber,
    [property: JsonPropertyName("b_stt")] string Status,
    [property: JsonPropertyName("b_stt_cd")] string StatusCode,
    [property: JsonPropertyName("tax_type")] string TaxType,
    [property: JsonPropertyName("tax_type_cd")] string TaxTypeCode,
    [property: JsonPropertyName("end_dt")] string EndDate,
    [property: JsonPropertyName("utcc_yn")] string SimplifiedTaxpayerYn,
    [property: JsonPropertyName("tax_type_change_dt")] string TaxTypeChangeDate,
    [property: JsonPropertyName("invoice_apply_dt")] string InvoiceApplyDate,
    [property: JsonPropertyName("rbf_tax_type")] string PreviousTaxType,
    [property: JsonPropertyName("rbf_tax_type_cd")] string PreviousTaxTypeCode)
{
    /// <summary>The real API's text for a number it does not know; every other field is empty.</summary>
    public const string UnregisteredText = "국세청에 등록되지 않은 사업자등록번호입니다.";

    public bool IsRegistered => StatusCode.Length > 0;

    public static NtsBusinessStatus Registered(string number, string status, string statusCode, string endDate) =>
        new(number, status, statusCode, "부가가치세 일반과세자", "01", endDate, "N", "", "", "해당없음", "99");

    public static NtsBusinessStatus Unregistered(string number) =>
        new(number, "", "", UnregisteredText, "", "", "", "", "", "", "");
}
