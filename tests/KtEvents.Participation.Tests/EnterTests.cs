using System.Text.Json;

using KtEvents.Contracts.Participation.V1;
using KtEvents.Contracts.Problems;
using KtEvents.Participation.Model;
using KtEvents.Participation.Tests.Infrastructure;
using KtEvents.Rpc;

namespace KtEvents.Participation.Tests;

[Collection(ParticipationCollection.Name)]
public sealed class EnterTests(ParticipationServiceFixture service)
{
    [Fact]
    public async Task UFR_PART_010_public_page_shows_the_approved_event_and_the_consent_to_give()
    {
        var approved = await service.ApproveEventAsync();

        var page = await service.Client.GetPublicEventAsync(new GetPublicEventRequest { EventId = approved.EventId.ToString() });

        Assert.Equal(approved.StoreName, page.StoreName);
        Assert.Equal(approved.Title, page.Title);
        Assert.Equal(approved.Prize, page.Prize);
        Assert.Equal(approved.ParticipationMethod, page.ParticipationMethod);
        Assert.Equal(approved.ImageId.ToString(), page.ImageId);
        Assert.Equal(approved.EndsAt.AddDays(3).ToUnixTimeSeconds(), page.AnnounceAt.Seconds);
        Assert.True(page.Open);
        Assert.Equal(PrivacyConsent.Version, page.ConsentVersion);
        Assert.Contains("개인정보", page.ConsentText);
    }

    [Fact]
    public async Task UFR_PART_010_public_page_of_an_unknown_event_is_not_found()
    {
        var problem = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client.GetPublicEventAsync(new GetPublicEventRequest { EventId = Guid.CreateVersion7().ToString() }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, problem.StatusCode);
        Assert.Equal("event_not_found", ServiceProblem.ReadCode(problem));
    }

    [Fact]
    public async Task UFR_PART_010_entry_gets_the_first_number_the_announce_date_and_a_ParticipantRegistered_in_the_outbox()
    {
        var approved = await service.ApproveEventAsync();

        var reply = await service.Client.EnterAsync(Entry(approved.EventId, "  홍길동 ", "010-1234-5678", channel: "instagram", marketing: true));

        Assert.Equal("A-000001", reply.EntryNumber);
        Assert.Equal(approved.EndsAt.AddDays(3).ToUnixTimeSeconds(), reply.AnnounceAt.Seconds);

        await using (var command = service.Database.CreateCommand(
            "SELECT name, phone, channel, privacy_consent, marketing_consent, consent_version, consented_at FROM entries WHERE event_id = $1"))
        {
            command.Parameters.AddWithValue(approved.EventId);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal("홍길동", reader.GetString(0));
            Assert.Equal("01012345678", reader.GetString(1));
            Assert.Equal("instagram", reader.GetString(2));
            Assert.True(reader.GetBoolean(3));
            Assert.True(reader.GetBoolean(4));
            Assert.Equal(PrivacyConsent.Version, reader.GetString(5));
            Assert.False(await reader.IsDBNullAsync(6));
            Assert.False(await reader.ReadAsync());
        }

        await using (var command = service.Database.CreateCommand(
            "SELECT body::text FROM kt_outbox WHERE routing_key = 'participation.participant-registered' AND body->>'eventId' = $1"))
        {
            command.Parameters.AddWithValue(approved.EventId.ToString());
            var body = JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!).RootElement;
            Assert.Equal("A-000001", body.GetProperty("entryNumber").GetString());
            Assert.Equal("instagram", body.GetProperty("channel").GetString());
            // Analytics needs counts only: no personal data leaves the service.
            Assert.DoesNotContain("01012345678", body.GetRawText());
            Assert.DoesNotContain("홍길동", body.GetRawText());
        }
    }

    [Fact]
    public async Task UFR_PART_010_second_entry_from_the_same_phone_is_refused_and_the_numbers_stay_gap_free()
    {
        var approved = await service.ApproveEventAsync();
        await service.Client.EnterAsync(Entry(approved.EventId, "홍길동", "010-1234-5678"));

        // The same phone typed differently is the same person.
        var problem = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client.EnterAsync(Entry(approved.EventId, "홍길순", "010 1234 5678")).ResponseAsync);
        var next = await service.Client.EnterAsync(Entry(approved.EventId, "김철수", "01098765432"));

        Assert.Equal(StatusCode.AlreadyExists, problem.StatusCode);
        Assert.Equal("already_entered", ServiceProblem.ReadCode(problem));
        Assert.Equal("이미 참여하신 이벤트입니다", problem.Status.Detail);
        Assert.Equal(1, await CountEntriesAsync(approved.EventId, "01012345678"));
        Assert.Equal("A-000002", next.EntryNumber);
    }

    [Fact]
    public async Task UFR_PART_010_entry_without_privacy_consent_is_refused_and_nothing_is_stored()
    {
        var approved = await service.ApproveEventAsync();
        var request = Entry(approved.EventId, "홍길동", "010-1234-5678");
        request.PrivacyConsent = false;

        var problem = await Assert.ThrowsAsync<RpcException>(() => service.Client.EnterAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, problem.StatusCode);
        Assert.Equal("consent_required", ServiceProblem.ReadCode(problem));
        Assert.Equal(0, await CountEntriesAsync(approved.EventId));
    }

    [Fact]
    public async Task UFR_PART_010_entry_agreeing_to_an_older_consent_text_is_refused()
    {
        var approved = await service.ApproveEventAsync();
        var request = Entry(approved.EventId, "홍길동", "010-1234-5678");
        request.ConsentVersion = "2020-01-v0";

        var problem = await Assert.ThrowsAsync<RpcException>(() => service.Client.EnterAsync(request).ResponseAsync);

        Assert.Equal("consent_required", ServiceProblem.ReadCode(problem));
        Assert.Equal(0, await CountEntriesAsync(approved.EventId));
    }

    [Theory]
    [InlineData("홍", "010-1234-5678", "name")]
    [InlineData("   ", "010-1234-5678", "name")]
    [InlineData("홍길동", "02-1234-5678", "phone")]
    [InlineData("홍길동", "010-1234-567", "phone")]
    [InlineData("홍길동", "010-1234-5678-9", "phone")]
    [InlineData("홍길동", "010-abcd-5678", "phone")]
    [InlineData("홍길동", "", "phone")]
    public async Task UFR_PART_010_a_bad_name_or_phone_gets_a_Korean_message_for_that_field_and_nothing_is_stored(
        string name, string phone, string field)
    {
        var approved = await service.ApproveEventAsync();

        var problem = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client.EnterAsync(Entry(approved.EventId, name, phone)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, problem.StatusCode);
        Assert.Equal("validation_failed", ServiceProblem.ReadCode(problem));
        var errors = ServiceProblem.ReadFieldErrors(problem)!;
        Assert.Equal([field], errors.Keys);
        Assert.Matches("[가-힣]", errors[field].Single());
        Assert.Equal(0, await CountEntriesAsync(approved.EventId));
    }

    [Fact]
    public async Task UFR_PART_010_every_field_problem_is_reported_at_once()
    {
        var approved = await service.ApproveEventAsync();
        var request = Entry(approved.EventId, "홍", "12345", channel: "billboard");
        request.PrivacyConsent = false;

        var problem = await Assert.ThrowsAsync<RpcException>(() => service.Client.EnterAsync(request).ResponseAsync);

        var errors = ServiceProblem.ReadFieldErrors(problem)!;
        Assert.Equal(["channel", "name", "phone", "privacyConsent"], errors.Keys.Order());
        Assert.Equal(0, await CountEntriesAsync(approved.EventId));
    }

    [Fact]
    public async Task UFR_PART_010_entries_are_refused_after_the_event_ended_and_before_it_starts()
    {
        var now = DateTimeOffset.UtcNow;
        var ended = await service.ApproveEventAsync(startsAt: now.AddDays(-8), endsAt: now.AddDays(-1));
        var upcoming = await service.ApproveEventAsync(startsAt: now.AddDays(1), endsAt: now.AddDays(8));

        foreach (var approved in new[] { ended, upcoming })
        {
            var page = await service.Client.GetPublicEventAsync(new GetPublicEventRequest { EventId = approved.EventId.ToString() });
            var problem = await Assert.ThrowsAsync<RpcException>(() =>
                service.Client.EnterAsync(Entry(approved.EventId, "홍길동", "010-1234-5678")).ResponseAsync);

            Assert.False(page.Open);
            Assert.Equal(StatusCode.Aborted, problem.StatusCode);
            Assert.Equal("event_closed", ServiceProblem.ReadCode(problem));
            Assert.Equal(0, await CountEntriesAsync(approved.EventId));
        }
    }

    [Fact]
    public async Task UFR_PART_010_entry_to_an_unknown_event_is_not_found()
    {
        var problem = await Assert.ThrowsAsync<RpcException>(() =>
            service.Client.EnterAsync(Entry(Guid.CreateVersion7(), "홍길동", "010-1234-5678")).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, problem.StatusCode);
        Assert.Equal("event_not_found", ServiceProblem.ReadCode(problem));
    }

    [Fact]
    public async Task UFR_PART_010_concurrent_entries_get_distinct_gap_free_numbers_and_racing_duplicates_win_once()
    {
        var approved = await service.ApproveEventAsync();
        const int customers = 50;
        // Each customer sends twice at once (a double tap), all 100 requests in parallel.
        var requests = Enumerable.Range(0, customers)
            .SelectMany(i => new[] { i, i })
            .Select(i => Entry(approved.EventId, "손님" + i, $"010{10_000_000 + i}"))
            .ToArray();

        var outcomes = await Task.WhenAll(requests.Select(async request =>
        {
            try
            {
                return (await service.Client.EnterAsync(request)).EntryNumber;
            }
            catch (RpcException ex) when (ServiceProblem.ReadCode(ex) == "already_entered")
            {
                return null;
            }
        }));

        var numbers = outcomes.OfType<string>().Order().ToArray();
        Assert.Equal(Enumerable.Range(1, customers).Select(i => EntryNumber.Format(i)), numbers);
        Assert.Equal(customers, await CountEntriesAsync(approved.EventId));
    }

    [Fact]
    public async Task UFR_PART_010_a_redelivered_approval_keeps_the_numbering_going()
    {
        var approved = await service.ApproveEventAsync();
        await service.Client.EnterAsync(Entry(approved.EventId, "홍길동", "010-1111-2222"));

        // A re-publish (new message id, so the inbox lets it through) must not reset the counter.
        var again = approved with { Id = Guid.CreateVersion7() };
        await service.Events.PublishAsync(again);
        await service.WaitUntilHandledAsync(again.Id);
        var next = await service.Client.EnterAsync(Entry(approved.EventId, "김철수", "010-3333-4444"));

        Assert.Equal("A-000002", next.EntryNumber);
    }

    private async Task<long> CountEntriesAsync(Guid eventId, string? phone = null)
    {
        await using var command = service.Database.CreateCommand(
            "SELECT count(*) FROM entries WHERE event_id = $1 AND ($2::text IS NULL OR phone = $2)");
        command.Parameters.AddWithValue(eventId);
        command.Parameters.Add(new() { Value = (object?)phone ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    internal static EnterRequest Entry(Guid eventId, string name, string phone, string channel = "", bool marketing = false) => new()
    {
        EventId = eventId.ToString(),
        Name = name,
        Phone = phone,
        Channel = channel,
        PrivacyConsent = true,
        MarketingConsent = marketing,
        ConsentVersion = PrivacyConsent.Version,
    };
}
