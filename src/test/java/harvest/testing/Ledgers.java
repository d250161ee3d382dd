package harvest.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Valid request bodies for each ledger resource, keyed by code, for tests to send as they are or spoil. */
public final class Ledgers {
    private Ledgers() {
    }

    /** A ledger resource: its URL path and a valid body for a given code (references point at the base rows). */
    public enum Resource {
        COMMUNITIES("/api/v1/communities") {
            @Override
            public Map<String, Object> body(String code) {
                return map("code", code, "name", "周庄社区", "street", "灞陵街道", "lat", 34.047939, "lon", 113.861167);
            }
        },
        FARMERS("/api/v1/farmers") {
            @Override
            public Map<String, Object> body(String code) {
                return map("code", code, "name", "白旺", "phone", "150 7865 7975", "communityCode", BASE_COMMUNITY,
                        "laborShort", true, "elderly", false, "language", "zh-CN");
            }
        },
        FIELDS("/api/v1/fields") {
            @Override
            public Map<String, Object> body(String code) {
                return map("code", code, "farmerCode", BASE_FARMER, "communityCode", BASE_COMMUNITY, "name", "庄社区1号地",
                        "crop", "WHEAT", "areaMu", 4.1, "lat", 34.087728, "lon", 113.840895,
                        "ripeFrom", "2023-05-29T12:00:00+08:00", "expectedYieldKgPerMu", 546);
            }
        },
        MACHINES("/api/v1/machines") {
            @Override
            public Map<String, Object> body(String code) {
                return map("code", code, "kind", "COMBINE", "plate", "豫K48513", "model", "4LZ-10", "capacityMuPerHour", 6.4,
                        "crops", List.of("WHEAT", "CORN"), "operatorName", "曹洋伟", "operatorPhone", "+8613883014629",
                        "baseLat", 34.037519, "baseLon", 113.844795, "origin", "鄢陵县",
                        "availableFrom", "2023-05-28T00:00:00+08:00", "availableUntil", "2023-06-09T00:00:00+08:00");
            }
        },
        DRYING_SITES("/api/v1/drying-sites") {
            @Override
            public Map<String, Object> body(String code) {
                return map("code", code, "name", "周庄社区烘干中心", "kind", "DRYER", "communityCode", BASE_COMMUNITY,
                        "lat", 34.05151, "lon", 113.862028, "capacityTonnesPerDay", 73, "rainUsable", true,
                        "contactName", "廖勇", "contactPhone", "+8615135316815");
            }
        },
        TEAMS("/api/v1/teams") {
            @Override
            public Map<String, Object> body(String code) {
                return map("code", code, "name", "裴山庙社区党员先锋服务队", "kind", "PARTY_MEMBER", "leaderName", "袁洋",
                        "leaderPhone", "+8615890597181", "members", 19, "communityCode", BASE_COMMUNITY);
            }
        },
        AID_STATIONS("/api/v1/aid-stations") {
            @Override
            public Map<String, Object> body(String code) {
                return map("code", code, "name", "前营社区爱心助农点", "communityCode", BASE_COMMUNITY, "lat", 34.001419,
                        "lon", 113.813191, "offers", List.of("MEALS", "WATER"));
            }
        };

        private final String path;

        Resource(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }

        public abstract Map<String, Object> body(String code);

        /** A free-text property of the resource, for tests that change something harmless. */
        public String textProperty() {
            return this == MACHINES ? "operatorName" : "name";
        }
    }

    public static final String BASE_COMMUNITY = "BASE-C";
    public static final String BASE_FARMER = "BASE-F";

    /** Creates the community and farmer the other bodies refer to. */
    public static void createBaseRows(Api api) {
        require(api.post(Resource.COMMUNITIES.path(), Resource.COMMUNITIES.body(BASE_COMMUNITY)), 201);
        require(api.post(Resource.FARMERS.path(), Resource.FARMERS.body(BASE_FARMER)), 201);
    }

    public static Map<String, Object> with(Map<String, Object> body, String property, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(property, value);
        return copy;
    }

    private static Api.Reply require(Api.Reply reply, int status) {
        if (reply.status() != status) {
            throw new AssertionError("expected " + status + " but got " + reply);
        }
        return reply;
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
