package no.hallingdal.jobbmal.programme;

import java.time.LocalDate;
import java.util.Map;

/**
 * A requested change of the programme, from the admin page or the API. Values may be null when missing
 * or unreadable (the parse error is then already recorded).
 *
 * @param annualTargets    target per year; years of the period that are missing keep their current target
 *                         (0 for a new year); years outside the period are dropped
 * @param focusAreaTargets target per focus-area code; a null target (or a missing code) means no target
 */
public record ProgrammeInput(String name, String region, String owner, String county, Long goal,
        LocalDate periodStart, LocalDate periodEnd, Long version, Map<Integer, Long> annualTargets,
        Map<String, Long> focusAreaTargets) {
}
