package harvest.planning;

import harvest.aid.AidOffer;
import harvest.aid.AidStation;
import harvest.aid.AidStationLedger;
import harvest.drying.DryingSite;
import harvest.drying.DryingSiteLedger;
import harvest.farmer.Farmer;
import harvest.farmer.FarmerLedger;
import harvest.field.Field;
import harvest.field.FieldLedger;
import harvest.planning.NavigableJob.JobAidStation;
import harvest.planning.NavigableJob.JobDryingSite;
import harvest.planning.NavigableJob.JobFarmer;
import harvest.planning.NavigableJob.JobField;
import harvest.security.Access;
import harvest.system.DistrictTime;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A view's assignments as jobs the app navigates by, read from the ledgers through their services, one query per
 * ledger whatever the number of jobs. The answer follows from the data and the caller alone, so the views stay
 * cached by data version.
 * <p>
 * Phone numbers go where the texts already take them. The operator's itinerary and the team leader's task list
 * carry the farmer's phone (and a farmer's field view shows their own), so it is shown to every caller of these
 * views. No text gives anyone a drying-site contact's phone and the public board withholds it, so only staff, who
 * read the ledgers anyway, see it here.
 */
@Singleton
class NavigableJobs {
    private final FieldLedger fields;
    private final FarmerLedger farmers;
    private final DryingSiteLedger dryingSites;
    private final AidStationLedger aidStations;
    private final Access access;

    NavigableJobs(FieldLedger fields, FarmerLedger farmers, DryingSiteLedger dryingSites, AidStationLedger aidStations, Access access) {
        this.fields = fields;
        this.farmers = farmers;
        this.dryingSites = dryingSites;
        this.aidStations = aidStations;
        this.access = access;
    }

    /** The {@code assignments} in the order given. */
    List<NavigableJob> of(List<Assignment> assignments) {
        Map<String, Field> fields = this.fields.byCodes(codes(assignments, Assignment::fieldCode));
        Map<String, Farmer> farmers = this.farmers.byCodes(fields.values().stream().map(Field::farmerCode).distinct().toList());
        Map<String, DryingSite> sites = dryingSites.byCodes(codes(assignments, Assignment::dryingSiteCode));
        List<AidStation> stations = aidStations.all(false);
        boolean staff = access.appUser().isEmpty();
        return assignments.stream().map(a -> {
            Field field = fields.get(a.fieldCode());
            Farmer farmer = farmers.get(field.farmerCode());
            DryingSite site = a.dryingSiteCode() == null ? null : sites.get(a.dryingSiteCode());
            return new NavigableJob(a, a.start().atZoneSameInstant(DistrictTime.ZONE).toLocalDate(),
                    new JobField(field.code(), field.name(), field.lat(), field.lon(), field.areaMu()),
                    new JobFarmer(farmer.code(), farmer.name(), farmer.phone()),
                    site == null ? null : new JobDryingSite(site.code(), site.name(), site.lat(), site.lon(), site.contactName(),
                            staff ? site.contactPhone() : null),
                    NearestAidStation.to(field, stations).map(s -> new JobAidStation(s.code(), s.name(), s.lat(), s.lon(),
                            s.offers().stream().map(AidOffer::valueOf).toList())).orElse(null),
                    geo(field.lat(), field.lon()));
        }).toList();
    }

    /** The {@code assignments} by the day they start, the days and each day's jobs in time order. */
    List<JobDay> byDay(List<Assignment> assignments) {
        Map<LocalDate, List<NavigableJob>> days = of(assignments).stream()
                .sorted(Comparator.comparing((NavigableJob job) -> job.assignment().start()).thenComparing(job -> job.assignment().chunkId()))
                .collect(Collectors.groupingBy(NavigableJob::day, TreeMap::new, Collectors.toList()));
        return days.entrySet().stream().map(day -> new JobDay(day.getKey(), day.getValue())).toList();
    }

    private static List<String> codes(List<Assignment> assignments, Function<Assignment, String> code) {
        return assignments.stream().map(code).filter(Objects::nonNull).distinct().toList();
    }

    /** RFC 5870; plain decimals, since a map app would not read 1.0E-4. */
    private static String geo(double lat, double lon) {
        return "geo:" + BigDecimal.valueOf(lat).toPlainString() + "," + BigDecimal.valueOf(lon).toPlainString();
    }
}
