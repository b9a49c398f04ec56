using KtEvents.Ai.Model;
using KtEvents.Contracts.Ai.V1;

namespace KtEvents.Ai.Infrastructure.Seeding;

/// <summary>
/// Writes the synthetic success-case dataset the data-driven engine starts from, in place of the
/// 400 collected cases of seed 003 §5.1 (no crawling or public-data API is reachable here). Every
/// row is marked synthetic. The same seed and anchor date give the same cases, so the dataset is
/// reproducible and its shape testable.
///
/// Shares follow seed 003 §5.2 exactly, by shuffled quotas rather than independent draws:
/// industry 40/25/20/10/5 % — 음식점 → restaurant, 소매점 → retail, 서비스 → beauty, and cafe takes the
/// 10 % of 숙박 (an industry our stores do not have), other 5 %; budget ≤50만원 40 %, 50–200만원 35 %,
/// over 200만원 25 %; region 서울 30 %, 경기 25 %, 부산/대구/인천 20 %, elsewhere 25 %.
/// Event dates spread evenly over the 365 days before the anchor, so every season and the last
/// three months all have cases. Outcomes follow simple patterns (cheaper events return more per won,
/// online reaches more people, special days and some methods help) plus noise.
/// </summary>
public static class SyntheticCaseGenerator
{
    public const int DefaultSeed = 20251021;
    public const int DefaultCount = 400;
    public const string Source = "synthetic:kt-events-seed-v1";

    private static readonly (string Industry, int Percent)[] IndustryShares =
        [(Industries.Restaurant, 40), (Industries.Retail, 25), (Industries.Beauty, 20), (Industries.Cafe, 10), (Industries.Other, 5)];

    private static readonly (BudgetTier Tier, int Percent)[] BudgetShares =
        [(BudgetTier.Low, 40), (BudgetTier.Medium, 35), (BudgetTier.High, 25)];

    private static readonly (string[][] Places, int Percent)[] RegionShares =
    [
        ([["서울", "강남구"], ["서울", "마포구"], ["서울", "송파구"], ["서울", "종로구"], ["서울", "영등포구"], ["서울", "성동구"]], 30),
        ([["경기", "분당구"], ["경기", "영통구"], ["경기", "일산동구"], ["경기", "화성시"], ["경기", "김포시"]], 25),
        ([["부산", "해운대구"], ["부산", "부산진구"], ["대구", "수성구"], ["대구", "중구"], ["인천", "연수구"], ["인천", "남동구"]], 20),
        ([["대전", "유성구"], ["광주", "서구"], ["울산", "남구"], ["제주", "제주시"], ["강원", "춘천시"], ["충남", "서북구"], ["전북", "완산구"]], 25),
    ];

    private static readonly Dictionary<string, EventPurpose> FavouritePurposes = new()
    {
        [Industries.Restaurant] = EventPurpose.Revisit,
        [Industries.Cafe] = EventPurpose.Awareness,
        [Industries.Retail] = EventPurpose.Sales,
        [Industries.Beauty] = EventPurpose.NewCustomers,
        [Industries.Other] = EventPurpose.Awareness,
    };

    /// <summary>Budget ranges drawn from per tier: inside seed 003's bands, mostly near the plans' bands.</summary>
    private static readonly Dictionary<BudgetTier, (long Min, long Max)> BudgetRanges = new()
    {
        [BudgetTier.Low] = (150_000, 500_000),
        [BudgetTier.Medium] = (600_000, 2_000_000),
        [BudgetTier.High] = (2_500_000, 8_000_000),
    };

    public static IReadOnlyList<SuccessCase> Generate(DateOnly anchor, int seed = DefaultSeed, int count = DefaultCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = new Random(seed);
        var industries = Quotas(random, count, IndustryShares);
        var tiers = Quotas(random, count, BudgetShares);
        var regionGroups = Quotas(random, count, RegionShares.Select(r => (r.Places, r.Percent)).ToArray());

        var cases = new List<SuccessCase>(count);
        for (var i = 0; i < count; i++)
        {
            var places = regionGroups[i];
            var place = places[random.Next(places.Length)];
            cases.Add(Generate(random, anchor, i, count, industries[i], tiers[i], new Region(place[0], place[1])));
        }
        return cases;
    }

    private static SuccessCase Generate(Random random, DateOnly anchor, int index, int count, string industry, BudgetTier tier, Region region)
    {
        // Even spread over the year before the anchor, with a little jitter.
        var daysAgo = 1 + Math.Min(364, (int)((index + random.NextDouble()) * 365 / count));
        var date = anchor.AddDays(-daysAgo);
        var kind = random.Next(2) == 0 ? PlanKind.Online : PlanKind.Offline;
        // Half the events of an industry serve its usual purpose, so each industry has its own favourite methods.
        var purpose = random.Next(2) == 0
            ? FavouritePurposes[industry]
            : ParticipationTemplates.Purposes[random.Next(ParticipationTemplates.Purposes.Count)];
        var participation = ParticipationTemplates.For(purpose, kind, tier);
        var prizes = PrizeTemplates.For(industry, tier);
        var prize = prizes[random.Next(prizes.Count)];

        var (min, max) = BudgetRanges[tier];
        var budget = RoundTo(min + (long)(random.NextDouble() * (max - min)), 10_000);
        var cost = RoundTo((long)(budget * (0.85 + (0.15 * random.NextDouble()))), 1_000);
        var onSpecialDay = SpecialDayCalendar.Around(date).Count > 0;

        // Won per participant grows with the budget (bigger prizes), and offline reach is smaller.
        var wonPerParticipant = tier switch { BudgetTier.Low => 1_500, BudgetTier.Medium => 2_800, _ => 4_500 }
            * (kind == PlanKind.Offline ? 1.8 : 1.0);
        var participants = Math.Max(10, (int)(cost / wonPerParticipant * Normal(random, 1.0, 0.2)));

        var roiMean = tier switch { BudgetTier.Low => 160.0, BudgetTier.Medium => 115.0, _ => 80.0 }
            + (kind == PlanKind.Online ? 15 : 0)
            + (onSpecialDay ? 25 : 0)
            + ((int)purpose * 5);
        var roi = (int)Math.Round(Normal(random, roiMean, roiMean * 0.3));

        var season = Seasons.Of(date);
        var title = $"{region.District} {Industries.KoreanName(industry)} {Seasons.KoreanName(season)} {participation.EventType} 이벤트";
        return new SuccessCase(title, industry, region.City, region.District, season, date, tier.ToString().ToLowerInvariant(),
            budget, participation.EventType, prize.Name, participation.Method, kind == PlanKind.Online ? "online" : "offline",
            participants, cost, roi);
    }

    /// <summary>Exactly round(count × percent / 100) of each value (the last takes the remainder), shuffled.</summary>
    private static T[] Quotas<T>(Random random, int count, (T Value, int Percent)[] shares)
    {
        var values = new List<T>(count);
        for (var i = 0; i < shares.Length; i++)
        {
            var quota = i == shares.Length - 1 ? count - values.Count : (int)Math.Round(count * shares[i].Percent / 100.0);
            values.AddRange(Enumerable.Repeat(shares[i].Value, quota));
        }
        var array = values.ToArray();
        random.Shuffle(array);
        return array;
    }

    private static double Normal(Random random, double mean, double standardDeviation)
    {
        // Box–Muller: System.Random has no normal distribution of its own.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return mean + (standardDeviation * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    private static long RoundTo(long value, long unit) => Math.Max(unit, (value + (unit / 2)) / unit * unit);
}
