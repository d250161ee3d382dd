package harvest.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The PostgreSQL server the tests run against: the one named by DATASOURCES_DEFAULT_URL, else a Testcontainers
 * server where Docker works, else the one on localhost:5432. Each test class gets its own schema on it.
 */
public final class TestPostgres {
    private static Server server;

    private TestPostgres() {
    }

    public record Server(String url, String username, String password) {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }
    }

    public static synchronized Server server() {
        if (server == null) {
            server = locate();
        }
        return server;
    }

    private static Server locate() {
        String url = System.getenv("DATASOURCES_DEFAULT_URL");
        if (url != null && !url.isBlank()) {
            return new Server(url.replaceAll("[?&]currentSchema=[^&]*", ""),
                    Objects.requireNonNullElse(System.getenv("DATASOURCES_DEFAULT_USERNAME"), "postgres"),
                    Objects.requireNonNullElse(System.getenv("DATASOURCES_DEFAULT_PASSWORD"), ""));
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
            container.start();
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        return new Server("jdbc:postgresql://localhost:5432/postgres", "postgres", "");
    }
}
