using Google.Protobuf.WellKnownTypes;

using KtEvents.Contracts.Event.V1;

namespace KtEvents.Event.Model;

/// <summary>The stored event as the contract's messages.</summary>
public static class EventMappings
{
    public static EventDetail ToDetail(this EventRecord record, DateTimeOffset now)
    {
        var detail = new EventDetail
        {
            EventId = record.Id.ToString(),
            Status = EventStatuses.ToContract(record.Status, record.EndsAt, now),
            Purpose = record.Purpose,
            Store = record.Store,
            Recommendation = record.Recommendation,
            SelectedPlan = record.SelectedPlan,
            ImageId = record.ImageId?.ToString() ?? "",
            ChannelPlan = record.ChannelPlan,
            CreatedAt = Timestamp.FromDateTimeOffset(record.CreatedAt),
        };
        if (record.StartsAt is { } startsAt)
        {
            detail.StartsAt = Timestamp.FromDateTimeOffset(startsAt);
        }

        if (record.EndsAt is { } endsAt)
        {
            detail.EndsAt = Timestamp.FromDateTimeOffset(endsAt);
        }

        if (record.ApprovedAt is { } approvedAt)
        {
            detail.ApprovedAt = Timestamp.FromDateTimeOffset(approvedAt);
        }

        if (record is { SalesIncreaseKrw: { } sales, SalesReportedAt: { } reportedAt, SelectedPlan: { CostKrw: > 0 } plan })
        {
            detail.Sales = new SalesReport
            {
                SalesIncreaseKrw = sales,
                CostKrw = plan.CostKrw,
                RoiPercent = SalesReturn.RoiPercent(sales, plan.CostKrw),
                ExpectedRoiPercent = plan.ExpectedRoiPercent,
                ReportedAt = Timestamp.FromDateTimeOffset(reportedAt),
            };
        }

        return detail;
    }

    public static EventSummary ToSummary(this EventRecord record, DateTimeOffset now)
    {
        var summary = new EventSummary
        {
            EventId = record.Id.ToString(),
            Status = EventStatuses.ToContract(record.Status, record.EndsAt, now),
            Title = record.SelectedPlan?.Title ?? "",
            Purpose = record.Purpose,
            CreatedAt = Timestamp.FromDateTimeOffset(record.CreatedAt),
            ImageId = record.ImageId?.ToString() ?? "",
        };
        if (record.StartsAt is { } startsAt)
        {
            summary.StartsAt = Timestamp.FromDateTimeOffset(startsAt);
        }

        if (record.EndsAt is { } endsAt)
        {
            summary.EndsAt = Timestamp.FromDateTimeOffset(endsAt);
        }

        return summary;
    }
}
