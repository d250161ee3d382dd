package harvest.architecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table has one owning module, and only that module's SQL writes it; the framework repositories of a
 * module are used by that module alone. Other modules ask the owner (reading is allowed).
 */
class TableOwnershipTest {
    static final Map<String, String> OWNERS = Map.ofEntries(
            entry("audit_event", "audit"),
            entry("auth_session", "security"), entry("sign_in_code", "security"), entry("sign_in_failure", "security"),
            entry("staff_account", "security"),
            entry("community", "community"),
            entry("farmer", "farmer"),
            entry("field", "field"),
            entry("machine", "machine"), entry("machine_breakdown", "machine"),
            entry("team", "team"),
            entry("aid_station", "aid"),
            entry("forecast", "weather"), entry("forecast_hour", "weather"), entry("window_change", "weather"),
            entry("drying_site", "drying"), entry("drying_movement", "drying"),
            entry("plan", "planning"), entry("plan_assignment", "planning"),
            entry("harvest_work", "dispatch"), entry("disruption", "dispatch"),
            entry("sms_message", "sms"), entry("sms_inbound", "sms"), entry("sms_opt_out", "sms"),
            entry("scheduled_tasks", "system"), entry("rate_limit", "system"), entry("data_version", "system"));

    private static final Path MAIN = Path.of("src/main/java/harvest");
    /** SQL is written upper-case in this code base; prose saying "update" does not match. */
    private static final Pattern WRITE = Pattern.compile("\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+([a-z_]+)\\b");

    @Test
    void every_table_the_migrations_create_has_an_owner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path migration : migrations.toList()) {
                Matcher table = Pattern.compile("CREATE (?:UNLOGGED )?TABLE\\s+(?:IF NOT EXISTS\\s+)?([a-z_]+)").matcher(Files.readString(migration));
                while (table.find()) {
                    created.add(table.group(1));
                }
            }
        }
        assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void a_modules_sql_writes_only_the_tables_it_owns() throws IOException {
        assertThat(writesToOthersTables(MAIN)).isEmpty();
    }

    @Test
    void a_modules_repositories_serve_that_module_alone() {
        var main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("harvest");
        for (List<String> level : LayeringTest.LEVELS) {
            for (String module : level) {
                ArchRule rule = classes().that().areAnnotatedWith(JdbcRepository.class).and().resideInAPackage("harvest." + module + "..")
                        .should().onlyBeAccessed().byClassesThat().resideInAPackage("harvest." + module + "..")
                        .allowEmptyShould(true);
                rule.check(main);
            }
        }
    }

    /** "file: writes table (owned by module)" for each write outside the owner. */
    static List<String> writesToOthersTables(Path main) throws IOException {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = main.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String module = relative.getName(0).toString();
                Matcher write = WRITE.matcher(Files.readString(file));
                while (write.find()) {
                    String owner = OWNERS.get(write.group(1));
                    if (owner != null && !owner.equals(module)) {
                        wrong.add(relative + ": writes " + write.group(1) + " (owned by " + owner + ")");
                    }
                }
            }
        }
        return wrong.stream().distinct().collect(Collectors.toList());
    }
}
