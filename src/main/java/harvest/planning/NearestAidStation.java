package harvest.planning;

import harvest.aid.AidStation;
import harvest.field.Field;
import harvest.planning.domain.Place;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The aid station (爱心助农点) a job points its people to: the one nearest the field as the crow flies, the first
 * of {@code stations} on a tie. The operator's itinerary text and the app's views name the same one.
 */
public final class NearestAidStation {
    private NearestAidStation() {
    }

    public static Optional<AidStation> to(Field field, List<AidStation> stations) {
        Place at = new Place(field.lat(), field.lon());
        return stations.stream().min(Comparator.comparingDouble(s -> at.greatCircleKm(new Place(s.lat(), s.lon()))));
    }
}
