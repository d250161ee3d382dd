package harvest.planning.solver;

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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Small hand-made plans for solver tests: two days, 06:00-22:00 workable unless a test says otherwise. */
public final class Plans {
    public static final int DAYS = 2;
    public static final int HORIZON = DAYS * 1440;
    public static final Place BASE = new Place(34.0, 113.8);

    private Plans() {
    }

    public static WorkCalendar dryDays() {
        return calendar(new int[0]);
    }

    /** Two days with the given hours wet (and so not workable); otherwise 06:00-22:00 workable. */
    public static WorkCalendar calendar(int... wetHours) {
        boolean[] workable = new boolean[DAYS * 24];
        boolean[] wet = new boolean[DAYS * 24];
        for (int h = 0; h < workable.length; h++) {
            workable[h] = h % 24 >= 6 && h % 24 < 22;
        }
        for (int h : wetHours) {
            wet[h] = true;
            workable[h] = false;
        }
        return new WorkCalendar("C", workable, wet);
    }

    public static Harvester harvester(String code, String... crops) {
        return new Harvester(code, 10, Set.of(crops.length == 0 ? new String[] {"WHEAT"} : crops), BASE, 0, HORIZON);
    }

    /** {@code mu} mu of wheat yielding 500 kg/mu, ripe from the plan's start, at the harvester's base. */
    public static Chunk chunk(String id, double mu) {
        return chunk(id, mu, dryDays(), false);
    }

    public static Chunk chunk(String id, double mu, WorkCalendar calendar, boolean needsTeam) {
        return new Chunk(id, "F-" + id, "WHEAT", mu, mu * 500, BASE, 0, needsTeam, calendar, WorkRules.DEFAULT);
    }

    public static DryingCapacity site(String code, long kgPerDay) {
        long[] perDay = new long[DAYS];
        Arrays.fill(perDay, kgPerDay);
        return new DryingCapacity(code, BASE, perDay);
    }

    public static VolunteerTeam team(String code) {
        return new VolunteerTeam(code, "C");
    }

    public static HarvestPlan plan(List<Harvester> harvesters, List<Chunk> chunks, List<DryingCapacity> sites, List<VolunteerTeam> teams) {
        return new HarvestPlan(new Horizon(HORIZON, LossModel.DEFAULT, Prices.DEFAULT), new ArrayList<>(sites), new ArrayList<>(teams),
                new ArrayList<>(harvesters), new ArrayList<>(chunks));
    }

    public static Harvester route(Harvester harvester, Chunk... chunks) {
        harvester.setChunks(new ArrayList<>(List.of(chunks)));
        return harvester;
    }
}
