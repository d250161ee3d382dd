package harvest.planning.solver;

import harvest.planning.domain.Chunk;
import harvest.planning.domain.DryingCapacity;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.Harvester;
import harvest.planning.domain.VolunteerTeam;
import harvest.planning.domain.WorkCalendar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The dispatcher's rule of thumb, the baseline the planner must beat: whenever a combine is free, send it to the
 * nearest ripe chunk it can finish (with none ripe, the one it can start soonest); send the grain to the nearest
 * drying site with room that day; give a labour-short household the first team free for the whole slot.
 */
public final class GreedyDispatcher {

    /**
     * Fills in the plan's routes, drying sites and teams; score it with Timefold's SolutionManager. Jobs already
     * on a combine (kept from a published plan) stay first in its route, with their sites and teams.
     */
    public HarvestPlan dispatch(HarvestPlan plan) {
        Set<Chunk> open = new LinkedHashSet<>(plan.getChunks());
        Map<DryingCapacity, long[]> intake = new LinkedHashMap<>();
        plan.getDryingSites().forEach(site -> intake.put(site, new long[site.kgPerDay().length]));
        Map<VolunteerTeam, List<int[]>> teamBusy = new LinkedHashMap<>();
        plan.getTeams().forEach(team -> teamBusy.put(team, new ArrayList<>()));

        // pinned work first, in every route, so that the rest of the kept work sees their sites and teams taken
        Map<Harvester, Free> reached = new LinkedHashMap<>();
        for (Harvester harvester : plan.getHarvesters()) {
            Free at = new Free(harvester, null, harvester.getAvailableFrom());
            for (Chunk pinned : harvester.getChunks().subList(0, harvester.getFirstUnpinned())) {
                Chunk.Slot slot = pinned.slotAfter(harvester, at.last(), at.minute());
                open.remove(pinned);
                if (pinned.getDryingSite() != null) {
                    book(intake, pinned.getDryingSite(), slot.end() / 1440, Math.round(pinned.getYieldKg()));
                }
                if (pinned.getTeam() != null) {
                    teamBusy.get(pinned.getTeam()).add(new int[] {slot.start(), slot.end()});
                }
                at = new Free(harvester, pinned, slot.end());
            }
            reached.put(harvester, at);
        }
        PriorityQueue<Free> free = new PriorityQueue<>(Comparator.comparingInt(Free::minute));
        for (Free at : reached.values()) {
            Harvester harvester = at.harvester();
            for (Iterator<Chunk> route = harvester.getChunks().listIterator(harvester.getFirstUnpinned()); route.hasNext(); ) {
                Chunk kept = route.next();
                Chunk.Slot slot = kept.slotAfter(harvester, at.last(), at.minute());
                if (slot.end() == WorkCalendar.NEVER || slot.end() > harvester.getAvailableUntil()) {
                    route.remove();
                    kept.setDryingSite(null);
                    kept.setTeam(null);
                    continue;
                }
                open.remove(kept);
                keepSiteAndTeam(kept, slot, intake, teamBusy);
                at = new Free(harvester, kept, slot.end());
            }
            free.add(at);
        }
        while (!free.isEmpty() && !open.isEmpty()) {
            Free next = free.poll();
            if (next.minute() == WorkCalendar.NEVER) {
                continue;
            }
            Choice choice = choose(next, open);
            if (choice == null) {
                continue;
            }
            Chunk chunk = choice.chunk();
            open.remove(chunk);
            next.harvester().getChunks().add(chunk);
            chunk.setDryingSite(nearestSiteWithRoom(chunk, choice.slot().end() / 1440, intake));
            chunk.setTeam(chunk.isNeedsTeam() ? freeTeam(choice.slot(), teamBusy) : null);
            free.add(new Free(next.harvester(), chunk, choice.slot().end()));
        }
        return plan;
    }

    /**
     * A kept job keeps its drying site and team while they still have room at its (possibly new) time, and is
     * given the nearest site with room or a free team otherwise.
     */
    private static void keepSiteAndTeam(Chunk kept, Chunk.Slot slot, Map<DryingCapacity, long[]> intake,
                                        Map<VolunteerTeam, List<int[]>> teamBusy) {
        int day = slot.end() / 1440;
        long kg = Math.round(kept.getYieldKg());
        DryingCapacity site = kept.getDryingSite();
        if (site != null && hasRoom(intake, site, day, kg)) {
            book(intake, site, day, kg);
        } else {
            kept.setDryingSite(nearestSiteWithRoom(kept, day, intake));
        }
        VolunteerTeam team = kept.getTeam();
        if (team != null && !clashes(teamBusy.get(team), slot)) {
            teamBusy.get(team).add(new int[] {slot.start(), slot.end()});
        } else {
            kept.setTeam(kept.isNeedsTeam() ? freeTeam(slot, teamBusy) : null);
        }
    }

    /** A combine free from {@code minute}, standing at its last job (or at its base before the first). */
    private record Free(Harvester harvester, Chunk last, int minute) {
    }

    /**
     * A chunk "fits the current window" when it is ripe on arrival and the work can begin within the hour and
     * run through without a break for rain or night.
     */
    private record Choice(Chunk chunk, Chunk.Slot slot, boolean fitsNow) {
        /** What fits now, nearest first; otherwise whichever starts soonest. */
        boolean beats(Choice other) {
            if (fitsNow != other.fitsNow) {
                return fitsNow;
            }
            return fitsNow ? slot.roadKm() < other.slot.roadKm() : slot.start() < other.slot.start();
        }
    }

    private static Choice choose(Free free, Set<Chunk> open) {
        Choice best = null;
        for (Chunk chunk : open) {
            if (!free.harvester().canHarvest(chunk.getCrop())) {
                continue;
            }
            Chunk.Slot slot = chunk.slotAfter(free.harvester(), free.last(), free.minute());
            if (slot.end() == WorkCalendar.NEVER || slot.end() > free.harvester().getAvailableUntil()) {
                continue;
            }
            int arrival = free.minute() + chunk.getRules().travelMinutes(slot.roadKm());
            boolean startsSoon = chunk.getRipeFrom() <= arrival && slot.start() - arrival <= 60;
            Choice candidate = new Choice(chunk, slot, startsSoon && workedThrough(chunk, slot));
            if (best == null || candidate.beats(best)) {
                best = candidate;
            }
        }
        return best;
    }

    /** No unworkable hour between start and end, i.e. no pause for rain or night. */
    private static boolean workedThrough(Chunk chunk, Chunk.Slot slot) {
        for (int minute = slot.start(); minute < slot.end(); minute = (minute / 60 + 1) * 60) {
            if (chunk.getCalendar().firstWorkable(minute) != minute) {
                return false;
            }
        }
        return true;
    }

    private static DryingCapacity nearestSiteWithRoom(Chunk chunk, int day, Map<DryingCapacity, long[]> intake) {
        long kg = Math.round(chunk.getYieldKg());
        DryingCapacity nearest = null;
        for (DryingCapacity site : intake.keySet()) {
            if (hasRoom(intake, site, day, kg) && (nearest == null
                    || site.place().greatCircleKm(chunk.getPlace()) < nearest.place().greatCircleKm(chunk.getPlace()))) {
                nearest = site;
            }
        }
        if (nearest != null) {
            book(intake, nearest, day, kg);
        }
        return nearest;
    }

    private static boolean hasRoom(Map<DryingCapacity, long[]> intake, DryingCapacity site, int day, long kg) {
        long[] perDay = intake.get(site);
        return day < perDay.length && perDay[day] + kg <= site.kgOn(day);
    }

    private static boolean clashes(List<int[]> busy, Chunk.Slot slot) {
        return busy.stream().anyMatch(b -> b[0] < slot.end() && slot.start() < b[1]);
    }

    private static void book(Map<DryingCapacity, long[]> intake, DryingCapacity site, int day, long kg) {
        long[] perDay = intake.get(site);
        if (day < perDay.length) {
            perDay[day] += kg;
        }
    }

    private static VolunteerTeam freeTeam(Chunk.Slot slot, Map<VolunteerTeam, List<int[]>> busy) {
        for (var entry : busy.entrySet()) {
            if (!clashes(entry.getValue(), slot)) {
                entry.getValue().add(new int[] {slot.start(), slot.end()});
                return entry.getKey();
            }
        }
        return null;
    }
}
