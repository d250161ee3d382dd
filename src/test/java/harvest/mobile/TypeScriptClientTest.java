package harvest.mobile;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web and app teams' TypeScript client, generated from the committed contract with typescript-fetch's default
 * options in the test build (pom.xml), must compile under the TypeScript compiler's strict mode: operation names
 * that made request interfaces clash with models once broke it.
 */
class TypeScriptClientTest {
    private static final String TYPESCRIPT = "typescript@5.9.3";
    private static final Path CLIENT = Path.of("target/generated-test-sources/harvest-client-ts").toAbsolutePath();
    private static final Path TOOLS = Path.of("target/ts-tools").toAbsolutePath();

    @Test
    void the_generated_typescript_client_compiles_strictly() throws Exception {
        assertThat(CLIENT.resolve("apis/PlansApi.ts")).exists();
        Path tsc = TOOLS.resolve("node_modules/typescript/bin/tsc");
        if (!Files.exists(tsc)) {
            run(List.of("npm", "install", "--prefix", TOOLS.toString(), "--no-audit", "--no-fund", "--silent", TYPESCRIPT));
        }
        Path config = TOOLS.resolve("tsconfig.json");
        Files.writeString(config, """
                {"compilerOptions": {"target": "ES2020", "module": "ES2020", "moduleResolution": "node", "lib": ["ES2020", "DOM"],
                                     "strict": true, "noEmit": true},
                 "include": ["%s/**/*.ts"]}""".formatted(CLIENT), StandardCharsets.UTF_8);

        Result compiled = run(List.of("node", tsc.toString(), "-p", config.toString()));

        assertThat(compiled.exit()).as(compiled.output()).isZero();
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish: " + output);
        }
        if (process.exitValue() != 0 && command.getFirst().equals("npm")) {
            throw new IllegalStateException(command + " failed: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
