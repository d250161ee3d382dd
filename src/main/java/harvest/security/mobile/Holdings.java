package harvest.security.mobile;

import harvest.system.Roles;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;

/** What a phone number stands for in the ledgers (active entries only): the objects its holder may see and touch. */
@Serdeable
@Schema(description = "The ledger entries a phone number belongs to")
public record Holdings(@Schema(description = "Combines this number operates") List<String> machines,
                       @Schema(description = "Households (farmers) with this number") List<String> farmers,
                       @Schema(description = "Fields of those households") List<String> fields,
                       @Schema(description = "Teams this number leads") List<String> teams,
                       @Schema(description = "Drying sites this number is the contact of") List<String> dryingSites) {
    public List<String> roles() {
        List<String> roles = new ArrayList<>();
        if (!machines.isEmpty()) {
            roles.add(Roles.OPERATOR);
        }
        if (!farmers.isEmpty()) {
            roles.add(Roles.FARMER);
        }
        if (!teams.isEmpty()) {
            roles.add(Roles.TEAM_LEADER);
        }
        if (!dryingSites.isEmpty()) {
            roles.add(Roles.SITE_CONTACT);
        }
        return List.copyOf(roles);
    }
}
