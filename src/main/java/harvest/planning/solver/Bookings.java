package harvest.planning.solver;

import harvest.planning.domain.Chunk;
import harvest.planning.domain.DryingCapacity;
import harvest.planning.domain.Horizon;
import harvest.planning.domain.VolunteerTeam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a dispatch has promised so far: the grain each drying site takes in day by day, the capacity its queue
 * still has free on each day, and when each team is busy.
 */
final class Bookings {
    private final Horizon horizon;
    private final Map<DryingCapacity, long[]> intake = new LinkedHashMap<>();
    private final Map<DryingCapacity, double[]> free = new HashMap<>();
    private final Map<VolunteerTeam, List<int[]>> teamBusy = new LinkedHashMap<>();

    Bookings(Horizon horizon, List<DryingCapacity> sites, List<VolunteerTeam> teams) {
        this.horizon = horizon;
        for (DryingCapacity site : sites) {
            intake.put(site, new long[horizon.days()]);
            double[] capacity = new double[horizon.days()];
            for (int day = 0; day < capacity.length; day++) {
                capacity[day] = site.kgOn(day);
            }
            free.put(site, capacity);
        }
        teams.forEach(team -> teamBusy.put(team, new ArrayList<>()));
    }

    Iterable<DryingCapacity> sites() {
        return intake.keySet();
    }

    /** Whether the site's intake on {@code day}, with {@code kg} more, stays within that day's capacity. */
    boolean hasRoom(DryingCapacity site, int day, long kg) {
        long[] perDay = intake.get(site);
        return day < perDay.length && perDay[day] + kg <= site.kgOn(day);
    }

    /**
     * The kg the grain cut at {@code minute} would lose queuing at {@code site} behind what is booked there: it
     * takes the capacity booked grain has left free, day by day from the day it arrives.
     */
    double queueLossKg(DryingCapacity site, int minute, double kg) {
        double[] room = free.get(site);
        double left = kg;
        double lost = 0;
        for (int day = minute / 1440; day < room.length && left > 0; day++) {
            double portion = Math.min(left, room[day]);
            lost += horizon.loss().waitingKg(portion, minute, day * 1440 + 12 * 60);
            left -= portion;
        }
        return lost + horizon.loss().waitingKg(left, minute, horizon.endMinute());
    }

    /** The grain of {@code chunk}, cut at {@code cutMinute}, goes to {@code site}. */
    void book(Chunk chunk, DryingCapacity site, int cutMinute) {
        int day = cutMinute / 1440;
        long[] perDay = intake.get(site);
        if (day < perDay.length) {
            perDay[day] += Math.round(chunk.getYieldKg());
        }
        double[] room = free.get(site);
        double left = chunk.getYieldKg();
        for (int d = day; d < room.length && left > 0; d++) {
            double portion = Math.min(left, room[d]);
            room[d] -= portion;
            left -= portion;
        }
    }

    boolean teamFree(VolunteerTeam team, int start, int end) {
        return teamBusy.get(team).stream().noneMatch(busy -> busy[0] < end && start < busy[1]);
    }

    void bookTeam(VolunteerTeam team, int start, int end) {
        teamBusy.get(team).add(new int[] {start, end});
    }

    /** Rule 9's team: the first one free for the whole slot, booked; null if none is. */
    VolunteerTeam firstFreeTeam(int start, int end) {
        for (VolunteerTeam team : teamBusy.keySet()) {
            if (teamFree(team, start, end)) {
                bookTeam(team, start, end);
                return team;
            }
        }
        return null;
    }
}
