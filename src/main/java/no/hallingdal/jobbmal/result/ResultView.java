package no.hallingdal.jobbmal.result;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A result as shown on the pages and returned by the API (camelCase fields, codes for municipality,
 * focus area, kind and status). {@code doubleCount} marks a NEW_JOBS result whose org. number has NEW_JOBS
 * in another project the same year; {@code doubleCountProjects} names those projects where known.
 * {@code warnings} holds the texts of warnings raised by a save (empty otherwise).
 */
public record ResultView(long id, @JsonIgnore long programmeId, long projectId, String projectName, String municipality, String municipalityName,
        String focusArea, @JsonIgnore String focusAreaNameNb, @JsonIgnore String focusAreaNameEn, LocalDate date,
        ResultKind kind, BigDecimal amount, BigDecimal women, BigDecimal men, String companyName,
        String orgNumber, String evidence, ResultStatus status, String statusReason, long version,
        List<String> warnings, String registeredBy, Instant registeredAt, String approvedBy, Instant approvedAt,
        String updatedBy, Instant updatedAt, boolean doubleCount, List<String> doubleCountProjects,
        boolean yearLocked) {

    public ResultView withWarnings(List<String> texts) {
        return new ResultView(id, programmeId, projectId, projectName, municipality, municipalityName, focusArea,
                focusAreaNameNb, focusAreaNameEn, date, kind, amount, women, men, companyName, orgNumber, evidence,
                status, statusReason, version, List.copyOf(texts), registeredBy, registeredAt, approvedBy,
                approvedAt, updatedBy, updatedAt, doubleCount, doubleCountProjects, yearLocked);
    }

    public String focusAreaName(boolean en) {
        return en ? focusAreaNameEn : focusAreaNameNb;
    }

    public int year() {
        return date.getYear();
    }

    public String doubleCountProjectNames() {
        return String.join(", ", doubleCountProjects);
    }

    @JsonIgnore
    public boolean isPending() {
        return status == ResultStatus.PENDING;
    }

    @JsonIgnore
    public boolean isApproved() {
        return status == ResultStatus.APPROVED;
    }

    @JsonIgnore
    public boolean isReturned() {
        return status == ResultStatus.RETURNED;
    }

    @JsonIgnore
    public boolean isWithdrawn() {
        return status == ResultStatus.WITHDRAWN;
    }

    /** The org. number grouped as it is usually written: "123 456 785". */
    public String orgNumberFormatted() {
        if (orgNumber == null || orgNumber.length() != 9) {
            return orgNumber;
        }
        return orgNumber.substring(0, 3) + " " + orgNumber.substring(3, 6) + " " + orgNumber.substring(6);
    }
}
