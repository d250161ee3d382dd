package harvest.security.mobile;

import harvest.security.Identity;
import harvest.security.IdentitySource;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Phone numbers as the ledgers know them. Read afresh on each request and each refresh, so a combine handed to
 * another operator, or a retired entry, changes what the number may do at once.
 */
@Singleton
@Connectable
public class MobileIdentities implements IdentitySource {
    private final JdbcOperations jdbc;

    public MobileIdentities(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Identity.Kind kind() {
        return Identity.Kind.MOBILE;
    }

    @Override
    public Optional<Identity> current(String phone) {
        List<String> roles = holdings(phone).roles();
        return roles.isEmpty() ? Optional.empty() : Optional.of(new Identity(Identity.Kind.MOBILE, phone, roles));
    }

    public Holdings holdings(String phone) {
        return new Holdings(machines(phone), farmers(phone), fields(phone), teams(phone), dryingSites(phone));
    }

    public List<String> machines(String phone) {
        return codes("SELECT code FROM machine WHERE operator_phone = ? AND retired_at IS NULL ORDER BY code", phone);
    }

    public List<String> farmers(String phone) {
        return codes("SELECT code FROM farmer WHERE phone = ? AND retired_at IS NULL ORDER BY code", phone);
    }

    public List<String> fields(String phone) {
        return codes("""
                SELECT f.code FROM field f JOIN farmer h ON h.code = f.farmer_code
                WHERE h.phone = ? AND h.retired_at IS NULL AND f.retired_at IS NULL ORDER BY f.code""", phone);
    }

    public List<String> teams(String phone) {
        return codes("SELECT code FROM team WHERE leader_phone = ? AND retired_at IS NULL ORDER BY code", phone);
    }

    public List<String> dryingSites(String phone) {
        return codes("SELECT code FROM drying_site WHERE contact_phone = ? AND retired_at IS NULL ORDER BY code", phone);
    }

    private List<String> codes(String sql, String phone) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, phone);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> codes = new ArrayList<>();
                while (rows.next()) {
                    codes.add(rows.getString(1));
                }
                return List.copyOf(codes);
            }
        });
    }
}
