package harvest.board;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The board's own logic (src/test/js, Node's test runner): times, timeline and map geometry, plans, tokens, messages. */
class BoardScriptsTest {
    @Test
    void the_page_logic_passes_its_tests() throws Exception {
        Process node = new ProcessBuilder(List.of("node", "--experimental-default-type=module", "--test", "src/test/js/"))
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("# fail 0").containsPattern("# pass [1-9]\\d");
    }
}
