package no.hallingdal.jobbmal.result;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrgNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"123456785", "964951462", "964 951 462", "NO 964 951 462 MVA", "no964951462mva",
        "NO964951462", "964951462 MVA"})
    void validNumbers(String raw) {
        assertNull(OrgNumber.problem(raw), raw);
    }

    @Test
    void normalisedToNineDigits() {
        assertEquals("964951462", OrgNumber.normalise("NO 964 951 462 MVA"));
        assertEquals("123456785", OrgNumber.normalise(" 123 456 785 "));
    }

    @ParameterizedTest
    @CsvSource({"123456789, CHECK_DIGIT", "964951463, CHECK_DIGIT", "12345678, LENGTH", "1234567850, LENGTH",
        "12345678A, LETTERS", "ABCDEFGHI, LETTERS", "'', LENGTH",
        "100000017, CHECK_DIGIT"})
    void invalidNumbers(String raw, OrgNumber.Problem expected) {
        assertEquals(expected, OrgNumber.problem(raw), raw);
    }

    @Test
    void checkDigitRule() {
        // 12345678: 1·3+2·2+3·7+4·6+5·5+6·4+7·3+8·2 = 138; 138 mod 11 = 6; 11 − 6 = 5
        assertEquals(5, OrgNumber.checkDigit("12345678"));
        // sum mod 11 = 0 → 11 → 0: 00000000
        assertEquals(0, OrgNumber.checkDigit("00000000"));
        // 00000040: 4·3 = 12, 12 mod 11 = 1 → 10 → no valid number with these eight digits
        assertNull(OrgNumber.checkDigit("00000040"));
        for (int d = 0; d <= 9; d++) {
            assertEquals(OrgNumber.Problem.CHECK_DIGIT, OrgNumber.problem("00000040" + d));
        }
    }

    @Test
    void demoGeneratorMakesValidNumbers() {
        Random r = new Random(1);
        for (int i = 0; i < 1000; i++) {
            assertTrue(OrgNumber.isValid(ResultDemoData.orgNumber(r)));
        }
    }
}
