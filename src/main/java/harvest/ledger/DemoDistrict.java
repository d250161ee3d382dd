package harvest.ledger;

import harvest.ledger.sheet.LedgerBundle;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Loads the demo district's ledgers (Weidu District, June 2023) at start-up when {@code harvest.demo=true}.
 * The import upserts by code and leaves unchanged rows alone, so restarting with the flag is harmless.
 */
@Singleton
@Requires(property = "harvest.demo", value = "true")
public class DemoDistrict {
    private static final Logger LOG = LoggerFactory.getLogger(DemoDistrict.class);
    private static final String FOLDER = "/demo-district/";

    private final LedgerImporter importer;

    public DemoDistrict(LedgerImporter importer) {
        this.importer = importer;
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        ImportReport report = importer.importSheets(bundle().sheets(), List.of(), false);
        LOG.info("Demo district loaded: {}", report.ledgers());
    }

    static LedgerBundle bundle() {
        LedgerBundle bundle = new LedgerBundle();
        for (LedgerKind kind : LedgerKind.values()) {
            String name = kind.fileName() + ".csv";
            try (InputStream in = DemoDistrict.class.getResourceAsStream(FOLDER + name)) {
                bundle.add(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bundle;
    }
}
