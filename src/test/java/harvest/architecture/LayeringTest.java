package harvest.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The feature packages depend downward only, in the order the README's Layout section draws; packages on one
 * level (in one inner list) depend on none of each other. Checked on the compiled main classes.
 */
class LayeringTest {
    /** Lowest first. */
    static final List<List<String>> LEVELS = List.of(
            List.of("system"),
            List.of("audit"),
            List.of("security", "ledger"),
            List.of("community"),
            List.of("farmer", "field", "machine", "team", "aid"),
            List.of("weather"),
            List.of("drying"),
            List.of("planning"),
            List.of("dispatch"),
            List.of("sms"),
            List.of("demo", "board"));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("harvest");

    @Test
    void no_two_feature_packages_depend_on_each_other() {
        slices().matching("harvest.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void every_package_depends_only_on_packages_below_it() {
        layers().check(MAIN);
    }

    static Architectures.LayeredArchitecture layers() {
        Architectures.LayeredArchitecture layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (List<String> level : LEVELS) {
            for (String feature : level) {
                layers = layers.layer(feature).definedBy("harvest." + feature + "..");
            }
        }
        for (int i = 0; i < LEVELS.size(); i++) {
            List<String> above = new ArrayList<>();
            LEVELS.subList(i + 1, LEVELS.size()).forEach(above::addAll);
            for (String feature : LEVELS.get(i)) {
                layers = above.isEmpty()
                        ? layers.whereLayer(feature).mayNotBeAccessedByAnyLayer()
                        : layers.whereLayer(feature).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
            }
        }
        return layers;
    }
}
