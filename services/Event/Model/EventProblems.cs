using KtEvents.Contracts.Problems;
using KtEvents.Rpc;

namespace KtEvents.Event.Model;

/// <summary>The Event service's failures, with the codes of docs/api.md and the words an owner reads.</summary>
public static class EventProblems
{
    public static RpcException NotFound() =>
        ServiceProblem.NotFound("event_not_found", "이벤트를 찾을 수 없습니다.");

    public static RpcException AlreadyApproved() =>
        ServiceProblem.Create(StatusCode.Aborted, "event_already_approved", "이미 승인된 이벤트는 수정할 수 없습니다.");

    public static RpcException NoRecommendation() =>
        ServiceProblem.Create(StatusCode.FailedPrecondition, "no_recommendation", "먼저 AI 추천을 받아주세요.");

    public static RpcException PlanNotFound() =>
        ServiceProblem.Create(StatusCode.FailedPrecondition, "plan_not_found", "선택한 기획안을 찾을 수 없습니다. 추천을 다시 받아주세요.");

    public static RpcException NoPlanSelected() =>
        ServiceProblem.Create(StatusCode.FailedPrecondition, "no_plan_selected", "이벤트 기획안을 먼저 선택해주세요.");

    public static RpcException NoImageSelected() =>
        ServiceProblem.Create(StatusCode.FailedPrecondition, "no_image_selected", "SNS 이미지를 먼저 선택해주세요.");

    public static RpcException NoChannels() =>
        ServiceProblem.Create(StatusCode.FailedPrecondition, "no_channels", "배포 채널을 1개 이상 선택해주세요.");

    public static RpcException NotEnded() =>
        ServiceProblem.Create(StatusCode.FailedPrecondition, "event_not_ended", "이벤트가 끝난 뒤에 매출을 입력할 수 있어요.");

    /// <summary>The period is over but the end sweep has not counted the participants yet (its grace period for late entries).</summary>
    public static RpcException EndingInProgress() =>
        ServiceProblem.Create(StatusCode.FailedPrecondition, "event_not_ended", "이벤트 결과를 집계하고 있어요. 잠시 후 다시 입력해주세요.");

    public static RpcException AiUnavailable() =>
        ServiceProblem.Create(StatusCode.Unavailable, "ai_unavailable", "AI 추천을 불러오지 못했습니다. 잠시 후 다시 시도해주세요.");

    public static RpcException ContentUnavailable() =>
        ServiceProblem.Create(StatusCode.Unavailable, "content_unavailable", "이미지를 만들지 못했습니다. 잠시 후 다시 시도해주세요.");
}
