package harvest.planning.domain;

/** A point on the map; road distance is the great-circle distance times the rules' road factor. */
public record Place(double lat, double lon) {
    private static final double EARTH_RADIUS_KM = 6371.0;

    public double greatCircleKm(Place other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
    }
}
