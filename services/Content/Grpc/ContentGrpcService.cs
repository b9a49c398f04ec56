using System.Text.RegularExpressions;

using KtEvents.Content.Infrastructure;
using KtEvents.Content.Model;
using KtEvents.Content.Rendering;
using KtEvents.Contracts.Content.V1;
using KtEvents.Contracts.Problems;
using KtEvents.Rpc;
using KtEvents.ServiceDefaults.Authentication;

using Microsoft.AspNetCore.Authorization;

using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace KtEvents.Content.Grpc;

/// <summary><c>kt.content.v1.ContentService</c>: the SNS images of an event (UFR-CONT-010).</summary>
[Authorize]
public sealed partial class ContentGrpcService(ImageRepository images) : IGrpcService
{
    public const int MaxTitleLength = 50;
    public const int MaxPrizeLength = 50;
    public const int MaxStoreNameLength = 40;
    public const int MaxPeriodLength = 40;
    public const string DefaultBrandColor = "#E4002B";

    private static readonly string[] Styles = [ImageStyles.Simple, ImageStyles.Fancy, ImageStyles.Trendy];

    public static ServiceDescriptor Descriptor => ContentReflection.Descriptor.GetService("ContentService");

    public async Task<GenerateImagesReply> GenerateImages(GenerateImagesRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var eventId = ParseId(request.EventId, "eventId", errors);
        var title = Required(request.Title, "title", "이벤트 제목", MaxTitleLength, errors);
        var prize = Required(request.Prize, "prize", "경품", MaxPrizeLength, errors);
        var storeName = Required(request.StoreName, "storeName", "매장 이름", MaxStoreNameLength, errors);
        var period = request.Period.Trim();
        if (period.Length > MaxPeriodLength)
        {
            errors["period"] = [$"이벤트 기간은 {MaxPeriodLength}자 이내로 입력해주세요."];
        }

        var brandColor = request.BrandColor.Trim();
        if (brandColor.Length > 0 && !BrandColorPattern().IsMatch(brandColor))
        {
            errors["brandColor"] = ["브랜드 컬러는 #RRGGBB 형식이어야 합니다."];
        }

        if (errors.Count > 0)
        {
            throw ServiceProblem.Validation(errors);
        }

        var input = new ImageInput(title, prize, storeName, period, brandColor.Length > 0 ? brandColor.ToUpperInvariant() : DefaultBrandColor);
        var generated = Styles
            .Select(style => new StoredImage(Guid.CreateVersion7(), eventId, style, SvgImageRenderer.Size, SvgImageRenderer.Size, SvgImageRenderer.Render(style, input), Selected: false))
            .ToList();
        await images.AddAsync(context.User.GetOwnerId(), generated, context.CancellationToken);

        var reply = new GenerateImagesReply();
        reply.Images.AddRange(generated.Select(image => image.ToProto()));
        return reply;
    }

    /// <summary>Anonymous: images are posted to SNS, and their ids (v7 GUIDs) are not guessable enough to matter.</summary>
    [AllowAnonymous]
    public async Task<Image> GetImage(GetImageRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var imageId = ParseId(request.ImageId, "imageId", errors);
        if (errors.Count > 0)
        {
            throw ServiceProblem.Validation(errors);
        }

        var image = await images.FindAsync(imageId, context.CancellationToken) ?? throw ImageNotFound();
        return image.ToProto();
    }

    public async Task<Image> SelectImage(SelectImageRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var eventId = ParseId(request.EventId, "eventId", errors);
        var imageId = ParseId(request.ImageId, "imageId", errors);
        if (errors.Count > 0)
        {
            throw ServiceProblem.Validation(errors);
        }

        var image = await images.SelectAsync(context.User.GetOwnerId(), eventId, imageId, context.CancellationToken) ?? throw ImageNotFound();
        return image.ToProto();
    }

    private static RpcException ImageNotFound() => ServiceProblem.NotFound("image_not_found", "이미지를 찾을 수 없습니다.");

    private static Guid ParseId(string value, string field, Dictionary<string, string[]> errors)
    {
        if (Guid.TryParse(value, out var id) && id != Guid.Empty)
        {
            return id;
        }

        errors[field] = ["ID 형식이 올바르지 않습니다."];
        return Guid.Empty;
    }

    private static string Required(string value, string field, string label, int maxLength, Dictionary<string, string[]> errors)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            errors[field] = [$"{label}을(를) 입력해주세요."];
        }
        else if (trimmed.Length > maxLength)
        {
            errors[field] = [$"{label}은(는) {maxLength}자 이내로 입력해주세요."];
        }

        return trimmed;
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex BrandColorPattern();
}
