package no.hallingdal.jobbmal.common;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatsTest {

    @Test
    void norwegianFormats() {
        assertEquals("12,5", Formats.amount(new BigDecimal("12.5"), Messages.NB));
        assertEquals("12", Formats.amount(new BigDecimal("12.0"), Messages.NB));
        assertEquals("1\u00a0250\u00a0000", Formats.integer(1_250_000L, Messages.NB));
        assertEquals("45,3\u00a0%", Formats.percent(new BigDecimal("45.25"), Messages.NB));
        assertEquals("03.01.2023", Formats.date(LocalDate.of(2023, 1, 3), Messages.NB));
        assertEquals("0,3", Formats.amount(new BigDecimal("0.1").add(new BigDecimal("0.2")), Messages.NB));
    }

    @Test
    void englishFormats() {
        assertEquals("12.5", Formats.amount(new BigDecimal("12.5"), Messages.EN));
        assertEquals("1,250,000", Formats.integer(1_250_000L, Messages.EN));
        assertEquals("45.3%", Formats.percent(new BigDecimal("45.25"), Messages.EN));
        assertEquals("3 Jan 2023", Formats.date(LocalDate.of(2023, 1, 3), Messages.EN));
        assertEquals("December 2023", Formats.month("2023-12", Messages.EN));
        assertEquals("desember 2023", Formats.month("2023-12", Messages.NB));
    }

    @Test
    void parsingAcceptsCommaAndPoint() {
        Errors errors = new Errors();
        assertEquals(new BigDecimal("12.5"), Inputs.decimal("12,5", "a", errors));
        assertEquals(new BigDecimal("12.5"), Inputs.decimal(" 12.5 ", "a", errors));
        assertEquals(new BigDecimal("1250"), Inputs.decimal("1 250", "a", errors));
        assertTrue(errors.isEmpty());
        assertNull(Inputs.decimal("abc", "b", errors));
        assertNull(Inputs.decimal("1,2,3", "c", errors));
        assertNull(Inputs.decimal("1,500", "g1", errors));   // thousands separator in English: refused, not 1.5
        assertNull(Inputs.decimal("1.000", "g2", errors));   // thousands separator in Norwegian: refused, not 1
        assertTrue(errors.has("g1") && errors.has("g2"));
        assertTrue(errors.has("b") && errors.has("c"));
        assertEquals(LocalDate.of(2023, 3, 12), Inputs.date("12.03.2023", "d", errors));
        assertEquals(LocalDate.of(2023, 3, 12), Inputs.date("2023-03-12", "d", errors));
        assertNull(Inputs.date("31.02.2023x", "e", errors));
        assertTrue(errors.has("e"));
    }
}
