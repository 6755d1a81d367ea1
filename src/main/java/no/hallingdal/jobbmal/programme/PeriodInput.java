package no.hallingdal.jobbmal.programme;

import java.time.LocalDate;
import java.util.Map;

/**
 * A period as the admin page or the API asks for it. Values may be null when missing or unreadable (the parse
 * error is then already recorded).
 *
 * @param name             null where the input has no name (the wave-1 shape): the name is then kept
 * @param annualTargets    target per year; years of the period that are missing keep their current target (0 for a
 *                         new year); years outside the period are dropped
 * @param focusAreaTargets target per focus-area code, a null target meaning none; null keeps them as they are
 */
public record PeriodInput(String name, LocalDate start, LocalDate end, Long goal, Map<Integer, Long> annualTargets,
        Map<String, Long> focusAreaTargets) {
}
