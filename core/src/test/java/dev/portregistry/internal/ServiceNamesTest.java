package dev.portregistry.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a value is quoted in an error message: escaped so that it stays one line, cut after 64
 * characters, and never cut or escaped inside a surrogate pair.
 */
class ServiceNamesTest {
    @Test
    void quotesAndBackslashesAndInvisibleCharactersAreEscaped() {
        assertThat(ServiceNames.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(ServiceNames.quote("a\nb\u200bc")).isEqualTo("\"a\\u000Ab\\u200Bc\"");
        assertThat(ServiceNames.quote("")).isEqualTo("\"\"");
    }

    @Test
    void onlyUnpairedSurrogatesAreEscaped() {
        String grin = "\ud83d\ude00";
        assertThat(ServiceNames.quote(grin)).isEqualTo("\"" + grin + "\"");
        assertThat(ServiceNames.quote("a" + grin + "b")).isEqualTo("\"a" + grin + "b\"");
        assertThat(ServiceNames.quote("\ude00x")).isEqualTo("\"\\uDE00x\"");
        assertThat(ServiceNames.quote("a\ude00")).isEqualTo("\"a\\uDE00\"");
        assertThat(ServiceNames.quote("a\ud83d")).isEqualTo("\"a\\uD83D\"");
        assertThat(ServiceNames.quote("\ud83dx")).isEqualTo("\"\\uD83Dx\"");
        assertThat(ServiceNames.quote("\ude00\ud83d")).as("a pair in the wrong order").isEqualTo("\"\\uDE00\\uD83D\"");
    }

    @Test
    void aLongValueIsCutAfter64CharactersButNeverInsideASurrogatePair() {
        String a64 = "a".repeat(64);
        assertThat(ServiceNames.quote(a64)).isEqualTo("\"" + a64 + "\"");
        assertThat(ServiceNames.quote(a64 + "b")).isEqualTo("\"" + a64 + "\"... (65 characters)");
        String grin = "\ud83d\ude00";
        // the pair would straddle the cut: it is left out whole
        assertThat(ServiceNames.quote("a".repeat(63) + grin + "b"))
                .isEqualTo("\"" + "a".repeat(63) + "\"... (66 characters)");
        // the pair ends at the cut: it is kept whole
        assertThat(ServiceNames.quote("a".repeat(62) + grin + "b"))
                .isEqualTo("\"" + "a".repeat(62) + grin + "\"... (65 characters)");
    }
}
