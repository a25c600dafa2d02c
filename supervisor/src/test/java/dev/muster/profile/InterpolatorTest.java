package dev.muster.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpolatorTest {
    private final List<String> problems = new ArrayList<>();
    private final Interpolator interpolator = new Interpolator(Map.of("NAME", "app", "EMPTY", ""));

    private String expand(String text) {
        return interpolator.interpolate(text, problems::add);
    }

    @Test
    void substitutesVariables() {
        assertThat(expand("db-${NAME}-${NAME}")).isEqualTo("db-app-app");
        assertThat(problems).isEmpty();
    }

    @Test
    void colonDashDefaultAppliesWhenUnsetOrEmpty() {
        assertThat(expand("${UNSET:-x} ${EMPTY:-y} ${NAME:-z}")).isEqualTo("x y app");
    }

    @Test
    void dashDefaultAppliesOnlyWhenUnset() {
        assertThat(expand("[${UNSET-x}] [${EMPTY-y}]")).isEqualTo("[x] []");
    }

    @Test
    void defaultMayContainReferences() {
        assertThat(expand("${UNSET:-${NAME}-db}")).isEqualTo("app-db");
        assertThat(expand("${UNSET:-${ALSO_UNSET:-deep}}")).isEqualTo("deep");
        assertThat(problems).isEmpty();
    }

    @Test
    void undefinedVariableIsAnError() {
        expand("postgresql://${DB_HOST}/app");

        assertThat(problems).containsExactly(
                "${DB_HOST} is not set; export DB_HOST before starting muster, or write ${DB_HOST:-default}");
    }

    @Test
    void requiredVariableErrorUsesTheMessage() {
        expand("${UNSET:?set UNSET to the password} ${EMPTY:?} ${NAME:?never}");

        assertThat(problems).containsExactly("UNSET is not set: set UNSET to the password",
                "EMPTY is empty: set EMPTY before starting muster");
    }

    @Test
    void dollarDollarIsALiteralDollar() {
        assertThat(expand("cost: $$5 and $${NAME}")).isEqualTo("cost: $5 and ${NAME}");
        assertThat(problems).isEmpty();
    }

    @Test
    void aDollarNotFollowedByABraceStaysAsWritten() {
        assertThat(expand("^ready$ and $HOME")).isEqualTo("^ready$ and $HOME");
    }

    @Test
    void unterminatedReferenceIsAnError() {
        assertThat(expand("a ${NAME")).isEqualTo("a ${NAME");
        assertThat(problems).containsExactly("\"${NAME\" has no closing }; close it, or write $$ for a literal $");
    }

    @Test
    void malformedReferenceIsAnError() {
        expand("${1abc} ${NAME:x}");

        assertThat(problems).hasSize(2).allMatch(p -> p.contains("is not a form muster interpolates"));
    }

    @Test
    void colonPlusGivesTheAlternativeOnlyWhenSetAndNotEmpty() {
        assertThat(expand("[${NAME:+--name=${NAME}}] [${EMPTY:+x}] [${UNSET:+y}]")).isEqualTo("[--name=app] [] []");
        assertThat(problems).isEmpty();
    }

    @Test
    void plusGivesTheAlternativeWhenSetEvenIfEmpty() {
        assertThat(expand("[${NAME+a}] [${EMPTY+b}] [${UNSET+c}]")).isEqualTo("[a] [b] []");
        assertThat(problems).isEmpty();
    }

    @Test
    void questionMarkFailsOnlyWhenUnset() {
        assertThat(expand("[${EMPTY?no}]")).isEqualTo("[]");
        expand("${UNSET?set UNSET first}");

        assertThat(problems).containsExactly("UNSET is not set: set UNSET first");
    }

    @Test
    void shellOnlyFormSuggestsDollarDollarEscaping() {
        expand("echo ${FILE#./} ${PATH%%:*}");

        assertThat(problems).containsExactly(
                "${FILE#./} is not a form muster interpolates (it has ${V}, ${V:-default}, ${V-default}, ${V:?message},"
                        + " ${V?message}, ${V:+alt} and ${V+alt}); if the shell should expand it, write it as"
                        + " $${FILE#./} so that muster passes it on unchanged",
                "${PATH%%:*} is not a form muster interpolates (it has ${V}, ${V:-default}, ${V-default}, ${V:?message},"
                        + " ${V?message}, ${V:+alt} and ${V+alt}); if the shell should expand it, write it as"
                        + " $${PATH%%:*} so that muster passes it on unchanged");
    }

    @Test
    void escapedShellFormPassesThrough() {
        assertThat(expand("echo $${FILE#./} $(date)")).isEqualTo("echo ${FILE#./} $(date)");
        assertThat(problems).isEmpty();
    }
}
