package harvest.bench;

import harvest.drying.DailyCapacity;
import harvest.planning.domain.Chunk;
import harvest.planning.domain.DryingCapacity;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.Harvester;
import harvest.planning.domain.Horizon;
import harvest.planning.domain.LossModel;
import harvest.planning.domain.Place;
import harvest.planning.domain.Prices;
import harvest.planning.domain.VolunteerTeam;
import harvest.weather.WorkCalendar;
import harvest.planning.domain.WorkRules;
import harvest.weather.HourlySeries;
import harvest.weather.WeatherRules;
import harvest.weather.WindowCalculator;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded storm seasons shaped like DESIGN.md's numbers: about 12 mu per field, 18 fields per combine, a third of
 * the combines borrowed for part of the season, one drying site per 68 fields (dryers, indoor floors and open
 * yards), one team per 65 fields, and a fortnight of rain spells of 1-3 days between dry stretches of 1-3 days,
 * neighbouring communities getting the same spells a few hours apart. Drying binds: the sites' capacity over the
 * horizon is scaled to about the grain there is (3 % more).
 */
final class ScenarioGenerator {
    static final Instant START = OffsetDateTime.parse("2023-05-28T00:00:00+08:00").toInstant();
    private static final int FIELDS_PER_COMMUNITY = 45;

    private ScenarioGenerator() {
    }

    record Size(String name, int fields, int combines, int days) {
    }

    static final Size DISTRICT = new Size("district", 680, 38, 14);
    static final Size COUNTY = new Size("county", 4_700, 240, 14);
    static final Size REGION = new Size("region", 20_000, 1_000, 14);
    private static final int FIELDS_PER_SITE = 68;
    private static final double CAPACITY_OVER_GRAIN = 1.03;

    /** An extra rain spell, from {@code fromHour} of the horizon for {@code hours}, over every other community. */
    record ExtraRain(int fromHour, int hours) {
        boolean wets(int community, int horizonHour) {
            return community % 2 == 0 && horizonHour >= fromHour && horizonHour < fromHour + hours;
        }
    }

    static HarvestPlan generate(Size size, long seed) {
        return generate(size, seed, null);
    }

    /** The same scenario (the same seed draws the same fields, machines and sites), optionally with extra rain. */
    static HarvestPlan generate(Size size, long seed, ExtraRain extra) {
        Random random = new Random(seed);
        int horizon = size.days() * 1440;
        int communities = Math.max(1, size.fields() / FIELDS_PER_COMMUNITY);
        int side = (int) Math.ceil(Math.sqrt(communities));
        boolean[] districtRain = districtRain(random, size.days() * 24 + 56);
        WindowCalculator windows = new WindowCalculator(new WeatherRules());

        List<Place> centres = new ArrayList<>();
        List<WorkCalendar> calendars = new ArrayList<>();
        for (int c = 0; c < communities; c++) {
            Place centre = new Place(34.0 + (c / side) * 0.03, 113.8 + (c % side) * 0.03);
            centres.add(centre);
            calendars.add(calendar("C" + c, c, districtRain, random.nextInt(5), random, windows, size.days(), extra));
        }
        List<Chunk> chunks = new ArrayList<>();
        for (int f = 0; f < size.fields(); f++) {
            int c = random.nextInt(communities);
            double area = Math.round(Math.min(120, 2 + random.nextGaussian() * 8 + 10) * 10) / 10.0;
            double mu = Math.max(1, area);
            double yield = 420 + random.nextInt(141);
            int ripe = random.nextInt(5 * 1440);
            boolean needsTeam = random.nextDouble() < 0.3;
            Place place = near(centres.get(c), random, 0.012);
            int parts = Math.max(1, (int) Math.ceil(mu / WorkRules.DEFAULT.chunkMaxMu()));
            for (int p = 1; p <= parts; p++) {
                chunks.add(new Chunk("P" + f + "#" + p, "P" + f, "WHEAT", mu / parts, mu / parts * yield, place, ripe,
                        needsTeam, calendars.get(c), WorkRules.DEFAULT));
            }
        }
        List<Harvester> harvesters = new ArrayList<>();
        for (int m = 0; m < size.combines(); m++) {
            boolean borrowed = m % 3 == 0;
            int from = borrowed ? random.nextInt(3) * 1440 : 0;
            int until = borrowed ? Math.min(horizon, from + (5 + random.nextInt(5)) * 1440) : horizon;
            harvesters.add(new Harvester("M" + m, 6 + random.nextInt(10), Set.of("WHEAT"),
                    near(centres.get(random.nextInt(communities)), random, 0.02), from, until));
        }
        List<DryingCapacity> sites = new ArrayList<>();
        for (int s = 0; s < Math.max(1, size.fields() / FIELDS_PER_SITE); s++) {
            int c = random.nextInt(communities);
            double pick = random.nextDouble();
            boolean yard = pick >= 0.5;
            long tonnes = pick < 0.3 ? 30 + random.nextInt(271) : pick < 0.5 ? 15 + random.nextInt(26) : 15 + random.nextInt(36);
            sites.add(new DryingCapacity("D" + s, near(centres.get(c), random, 0.01),
                    DailyCapacity.kgPerDay(tonnes * 1000, yard, calendars.get(c), size.days())));
        }
        scaleToGrain(sites, chunks.stream().mapToDouble(Chunk::getYieldKg).sum() * CAPACITY_OVER_GRAIN);
        List<VolunteerTeam> teams = new ArrayList<>();
        for (int t = 0; t < Math.max(1, size.fields() / 65); t++) {
            teams.add(new VolunteerTeam("T" + t, "C" + random.nextInt(communities)));
        }
        return new HarvestPlan(new Horizon(horizon, LossModel.DEFAULT, Prices.DEFAULT), sites, teams, harvesters, chunks);
    }

    /** Every site's days scaled by one factor, so that their capacity over the horizon is {@code kg}. */
    private static void scaleToGrain(List<DryingCapacity> sites, double kg) {
        double capacity = sites.stream().flatMapToLong(site -> java.util.Arrays.stream(site.kgPerDay())).sum();
        for (DryingCapacity site : sites) {
            long[] perDay = site.kgPerDay();
            for (int day = 0; day < perDay.length; day++) {
                perDay[day] = Math.round(perDay[day] * kg / capacity);
            }
        }
    }

    /** Storm spells over the whole district: dry stretches of 1-3 days, wet spells of 1-3 days. */
    private static boolean[] districtRain(Random random, int hours) {
        boolean[] rain = new boolean[hours];
        int h = 0;
        while (h < hours) {
            h += 24 + random.nextInt(49);
            int spell = 24 + random.nextInt(49);
            for (int i = 0; i < spell && h < hours; i++, h++) {
                rain[h] = true;
            }
        }
        return rain;
    }

    private static WorkCalendar calendar(String community, int index, boolean[] districtRain, int lagHours, Random random,
                                         WindowCalculator windows, int days, ExtraRain extra) {
        Instant lookback = START.minus(Duration.ofHours(56));
        HourlySeries series = HourlySeries.empty(community, lookback, districtRain.length);
        for (int h = 0; h < districtRain.length; h++) {
            // both draws always happen, so that extra rain leaves the rest of the scenario as it was
            double mm = Math.round(random.nextDouble() * 40) / 10.0;
            int dryChance = random.nextInt(40);
            boolean wet = districtRain[Math.max(0, h - lagHours)] || extra != null && extra.wets(index, h - 56);
            series.put(series.hourAt(h), wet ? mm : 0, wet ? 80 : dryChance);
        }
        Instant end = START.plus(Duration.ofDays(days));
        return WorkCalendar.of(community, windows.segments(series, START, end), START, days * 1440);
    }

    private static Place near(Place centre, Random random, double spread) {
        return new Place(centre.lat() + (random.nextDouble() - 0.5) * spread, centre.lon() + (random.nextDouble() - 0.5) * spread);
    }
}
