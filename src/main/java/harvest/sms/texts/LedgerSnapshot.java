package harvest.sms.texts;

import harvest.aid.AidStation;
import harvest.drying.DryingSite;
import harvest.farmer.Farmer;
import harvest.field.Field;
import harvest.machine.Machine;
import harvest.planning.NearestAidStation;
import harvest.team.Team;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/** The ledgers as of one publication, by code, for writing its texts. */
record LedgerSnapshot(Map<String, Machine> machines, Map<String, Farmer> farmers, Map<String, Field> fields,
                      Map<String, DryingSite> sites, Map<String, Team> teams, List<AidStation> aidStations) {

    Farmer farmerOf(String fieldCode) {
        return farmers.get(fields.get(fieldCode).farmerCode());
    }

    String site(@Nullable String code) {
        return code == null ? "—" : sites.containsKey(code) ? sites.get(code).name() : code;
    }

    String nearestAid(Field field) {
        return NearestAidStation.to(field, aidStations).map(AidStation::name).orElse("—");
    }
}
