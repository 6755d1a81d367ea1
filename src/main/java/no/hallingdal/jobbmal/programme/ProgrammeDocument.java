package no.hallingdal.jobbmal.programme;

import java.time.LocalDate;
import java.util.List;

/**
 * A programme as the programmes API returns and takes it (docs/api.md, "Programmes"): its details, its
 * municipalities (codes), focus areas and periods in start order. What GET returns, PUT accepts: the read-only
 * parts ({@code warnings}, a period's {@code index} and {@code state}) are ignored on input.
 */
public record ProgrammeDocument(String code, String name, String region, String owner, String countyCode,
        String countyName, List<String> municipalities, List<FocusAreaDoc> focusAreas, List<PeriodDoc> periods,
        Long version, List<WarningDoc> warnings) {

    /** A focus area; its code is unique within the programme. */
    public record FocusAreaDoc(String code, String nameNb, String nameEn) {
    }

    /**
     * A period: {@code index} is its position in start order from 1 (the {@code period} parameter elsewhere) and
     * {@code state} not-started, running or ended (both read-only). {@code focusAreaTargets} left out keeps them.
     */
    public record PeriodDoc(Integer index, String name, LocalDate start, LocalDate end, Long goal, String state,
            List<AnnualTargetDoc> annualTargets, List<FocusAreaTargetDoc> focusAreaTargets) {
    }

    public record AnnualTargetDoc(Integer year, Long target) {
    }

    public record FocusAreaTargetDoc(String focusArea, Long target) {
    }

    /** A warning, not an error: a stable code, the period's index (null for the whole programme), a text. */
    public record WarningDoc(String code, Integer period, String message) {
    }
}
