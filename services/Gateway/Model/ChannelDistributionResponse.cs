namespace KtEvents.Gateway.Model;

/// <summary>
/// A channel of an event's distribution (UFR-DIST-020). <see cref="ExpectedExposure"/> is the plan's
/// estimate and <see cref="ReportedExposure"/> the channel's own (우리동네TV, 지니TV) once it accepted;
/// <see cref="ExternalId"/> is 우리동네TV's 배포 ID or 지니TV's 광고 ID; <see cref="Attempts"/> of
/// <see cref="MaxAttempts"/> is the progress of a running channel.
/// </summary>
public sealed record ChannelDistributionResponse(
    string Channel,
    string State,
    int Attempts,
    string? ExternalId,
    string? PostUrl,
    string? ErrorMessage,
    DateTimeOffset? UpdatedAt,
    long ExpectedExposure,
    int MaxAttempts,
    bool Retryable,
    bool Cancellable,
    long? ReportedExposure,
    DateTimeOffset? RingbackUpdatedAt,
    IReadOnlyList<ExposureSlotResponse> ExposureSchedule);
