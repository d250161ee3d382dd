package harvest.planning.solver;

import harvest.planning.domain.Chunk;
import harvest.planning.domain.DryingCapacity;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.Harvester;
import harvest.planning.domain.Place;
import harvest.weather.WorkCalendar;

import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Dispatches combines the way a dispatcher does through the day: whenever a combine is free, a policy says which
 * chunk it goes to (or how long it waits), where that grain dries, and the first free team helps a household
 * that needs one. Jobs already on a combine (kept from a published plan) stay first in its route.
 */
final class Dispatcher {

    /** The choices a dispatcher makes; the event loop is the same for the rule of thumb and the planner's start. */
    interface Policy {
        /** What the combine free at {@code free.minute()} does next, from the chunks still open. */
        Decision next(Free free, Set<Chunk> open, Bookings bookings);

        /** Where the grain of {@code chunk}, cut at {@code cutMinute}, dries. */
        DryingCapacity site(Chunk chunk, int cutMinute, Bookings bookings);
    }

    /**
     * A combine free from {@code minute}, standing at its last job (or at its base before the first); {@code waited}
     * if it stood idle there until then.
     */
    record Free(Harvester harvester, int order, Chunk last, int minute, boolean waited) {
        Free(Harvester harvester, int order, Chunk last, int minute) {
            this(harvester, order, last, minute, false);
        }

        Place at() {
            return last == null ? harvester.getBase() : last.getPlace();
        }

        Chunk.Slot slotOf(Chunk chunk) {
            return chunk.slotAfter(harvester, last, minute);
        }

        boolean finishes(Chunk.Slot slot) {
            return slot.end() != WorkCalendar.NEVER && slot.end() <= harvester.getAvailableUntil();
        }
    }

    sealed interface Decision {
    }

    /** Harvest {@code chunk} next. */
    record Harvest(Chunk chunk) implements Decision {
    }

    /** Nothing worth doing now: ask again at {@code minute}. */
    record WaitUntil(int minute) implements Decision {
    }

    /** Nothing left this combine can do. */
    record Rest() implements Decision {
    }

    private final Policy policy;

    Dispatcher(Policy policy) {
        this.policy = policy;
    }

    HarvestPlan dispatch(HarvestPlan plan) {
        Set<Chunk> open = new LinkedHashSet<>(plan.getChunks());
        Bookings bookings = new Bookings(plan.getHorizon(), plan.getDryingSites(), plan.getTeams());
        List<Harvester> harvesters = plan.getHarvesters();
        Free[] reached = new Free[harvesters.size()];
        // pinned work first, in every route, so that the rest of the kept work sees their sites and teams taken
        for (int i = 0; i < harvesters.size(); i++) {
            Harvester harvester = harvesters.get(i);
            Free at = new Free(harvester, i, null, harvester.getAvailableFrom());
            for (Chunk pinned : harvester.getChunks().subList(0, harvester.getFirstUnpinned())) {
                Chunk.Slot slot = at.slotOf(pinned);
                open.remove(pinned);
                if (pinned.getDryingSite() != null) {
                    bookings.book(pinned, pinned.getDryingSite(), slot.end());
                }
                if (pinned.getTeam() != null) {
                    bookings.bookTeam(pinned.getTeam(), slot.start(), slot.end());
                }
                at = new Free(harvester, i, pinned, slot.end());
            }
            reached[i] = at;
        }
        PriorityQueue<Free> free = new PriorityQueue<>(Comparator.comparingInt(Free::minute).thenComparingInt(Free::order));
        for (Free start : reached) {
            free.add(keepPublished(start, open, bookings));
        }
        while (!free.isEmpty() && !open.isEmpty()) {
            Free next = free.poll();
            if (next.minute() == WorkCalendar.NEVER) {
                continue;
            }
            switch (policy.next(next, open, bookings)) {
                case Harvest(Chunk chunk) -> {
                    if (next.waited()) {
                        // the route must show the wait: the chunk's schedule follows the previous job, not the decision
                        chunk.setNotBefore(next.minute() + chunk.getRules().travelMinutes(chunk.getRules().roadKm(next.at(), chunk.getPlace())));
                    }
                    Chunk.Slot slot = next.slotOf(chunk);
                    open.remove(chunk);
                    next.harvester().getChunks().add(chunk);
                    assignSiteAndTeam(chunk, slot, bookings);
                    free.add(new Free(next.harvester(), next.order(), chunk, slot.end()));
                }
                case WaitUntil(int minute) -> free.add(new Free(next.harvester(), next.order(), next.last(), minute, true));
                case Rest() -> {
                }
            }
        }
        return plan;
    }

    /**
     * A combine's published jobs after its pinned ones stay while they still finish in time; each keeps its drying
     * site while that has room on its (possibly new) day and its team while free, or is given new ones.
     */
    private Free keepPublished(Free at, Set<Chunk> open, Bookings bookings) {
        Harvester harvester = at.harvester();
        for (Iterator<Chunk> route = harvester.getChunks().listIterator(harvester.getFirstUnpinned()); route.hasNext(); ) {
            Chunk kept = route.next();
            Chunk.Slot slot = at.slotOf(kept);
            if (!at.finishes(slot)) {
                route.remove();
                kept.setDryingSite(null);
                kept.setTeam(null);
                continue;
            }
            open.remove(kept);
            DryingCapacity site = kept.getDryingSite();
            if (site != null && bookings.hasRoom(site, slot.end() / 1440, Math.round(kept.getYieldKg()))) {
                bookings.book(kept, site, slot.end());
            } else {
                assignSite(kept, slot, bookings);
            }
            if (kept.getTeam() != null && bookings.teamFree(kept.getTeam(), slot.start(), slot.end())) {
                bookings.bookTeam(kept.getTeam(), slot.start(), slot.end());
            } else {
                kept.setTeam(kept.isNeedsTeam() ? bookings.firstFreeTeam(slot.start(), slot.end()) : null);
            }
            at = new Free(harvester, at.order(), kept, slot.end());
        }
        return at;
    }

    private void assignSiteAndTeam(Chunk chunk, Chunk.Slot slot, Bookings bookings) {
        assignSite(chunk, slot, bookings);
        chunk.setTeam(chunk.isNeedsTeam() ? bookings.firstFreeTeam(slot.start(), slot.end()) : null);
    }

    private void assignSite(Chunk chunk, Chunk.Slot slot, Bookings bookings) {
        DryingCapacity site = policy.site(chunk, slot.end(), bookings);
        chunk.setDryingSite(site);
        if (site != null) {
            bookings.book(chunk, site, slot.end());
        }
    }
}
