package no.hallingdal.jobbmal.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A project as submitted by the form or the API, before validation. Codes are as given (municipality
 * codes may be current or 2020–2023 codes); leads are user ids.
 */
public record ProjectInput(String name, String description, String focusArea, List<String> municipalities,
        String projectOwner, List<Long> leads, String phase, String status, LocalDate startDate,
        LocalDate endDate, BigDecimal expectedNewJobs, Long grantedFunds, Long version) {
}
