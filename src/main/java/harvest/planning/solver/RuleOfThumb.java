package harvest.planning.solver;

import harvest.planning.domain.Chunk;
import harvest.planning.domain.DryingCapacity;
import harvest.planning.domain.HarvestPlan;
import harvest.weather.WorkCalendar;

import java.util.Set;

/**
 * Planning rule 9, the dispatcher's rule of thumb every plan is compared with: whenever a combine is free, it goes
 * to the nearest field it can harvest that is ripe now or within the next 6 hours and cuts one chunk (up to the
 * split size) from the first workable hour; the grain goes to the nearest site that still has room that day, else
 * to the nearest site, where it queues; a labour-short household gets the first team that is free.
 */
public final class RuleOfThumb implements Dispatcher.Policy {
    /** "Ripe now or within the next 6 hours." */
    static final int RIPE_WITHIN = 6 * 60;

    /** Fills in the plan's routes, drying sites and teams; score it with Timefold's SolutionManager. */
    public HarvestPlan dispatch(HarvestPlan plan) {
        return new Dispatcher(this).dispatch(plan);
    }

    @Override
    public Dispatcher.Decision next(Dispatcher.Free free, Set<Chunk> open, Bookings bookings) {
        Chunk nearest = null;
        double nearestKm = Double.MAX_VALUE;
        int nextRipe = WorkCalendar.NEVER;
        for (Chunk chunk : open) {
            if (!free.harvester().canHarvest(chunk.getCrop())) {
                continue;
            }
            if (chunk.getRipeFrom() > free.minute() + RIPE_WITHIN) {
                nextRipe = Math.min(nextRipe, chunk.getRipeFrom() - RIPE_WITHIN);
                continue;
            }
            double km = chunk.getRules().roadKm(free.at(), chunk.getPlace());
            if (km < nearestKm && free.finishes(free.slotOf(chunk))) {
                nearest = chunk;
                nearestKm = km;
            }
        }
        if (nearest != null) {
            return new Dispatcher.Harvest(nearest);
        }
        return nextRipe == WorkCalendar.NEVER ? new Dispatcher.Rest() : new Dispatcher.WaitUntil(nextRipe);
    }

    @Override
    public DryingCapacity site(Chunk chunk, int cutMinute, Bookings bookings) {
        long kg = Math.round(chunk.getYieldKg());
        DryingCapacity withRoom = null;
        DryingCapacity any = null;
        double withRoomKm = Double.MAX_VALUE;
        double anyKm = Double.MAX_VALUE;
        for (DryingCapacity site : bookings.sites()) {
            double km = site.place().greatCircleKm(chunk.getPlace());
            if (km < anyKm) {
                any = site;
                anyKm = km;
            }
            if (km < withRoomKm && bookings.hasRoom(site, cutMinute / 1440, kg)) {
                withRoom = site;
                withRoomKm = km;
            }
        }
        return withRoom != null ? withRoom : any;
    }
}
