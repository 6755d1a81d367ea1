package no.hallingdal.jobbmal.result;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A registration or an edit of a result, as sent by the form or the API ({@code POST}/{@code PUT
 * /api/v1/results}). {@code municipality} may be the current or the 2020–2023 code; {@code focusArea}
 * defaults to the project's; {@code version} is required for an edit; {@code reason} is required where
 * docs/rules.md says (an approved result, a locked year).
 */
public record ResultInput(Long projectId, String municipality, String focusArea, LocalDate date, String kind,
        BigDecimal amount, BigDecimal women, BigDecimal men, String companyName, String orgNumber,
        String evidence, Long version, String reason) {
}
