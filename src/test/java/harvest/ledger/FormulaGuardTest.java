package harvest.ledger;

import harvest.ledger.sheet.FormulaGuard;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FormulaGuardTest {
    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+8613800138000", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"})
    void text_starting_like_a_formula_is_prefixed_and_restored(String text) {
        String exported = FormulaGuard.neutralise(text);

        assertThat(exported).isEqualTo("'" + text);
        assertThat(FormulaGuard.restore(exported)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"周庄社区", "WHEAT", "'quoted", "", "a=b"})
    void other_text_is_left_alone(String text) {
        assertThat(FormulaGuard.neutralise(text)).isEqualTo(text);
        assertThat(FormulaGuard.restore(text)).isEqualTo(text);
    }
}
