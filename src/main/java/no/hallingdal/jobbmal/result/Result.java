package no.hallingdal.jobbmal.result;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.municipality.Municipality;
import no.hallingdal.jobbmal.project.Project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One registration (resultatregistrering): a documented outcome at one company or place on one date.
 * Never hard-deleted; {@link ResultStatus#WITHDRAWN} replaces deleting. Changed only through
 * {@link ResultService}, which records every change in the history.
 */
@Entity
@Table(name = "result")
public class Result extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", nullable = false)
    public Project project;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "municipality_code", nullable = false)
    public Municipality municipality;

    /** The project's programme, kept here for the programme's queries (a foreign key holds it equal). */
    @Column(name = "programme_id", nullable = false)
    public long programmeId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "focus_area_id", nullable = false)
    public FocusArea focusArea;

    @Column(name = "result_date", nullable = false)
    public LocalDate date;

    /** The year of {@link #date}, stored for indexing; always set together with the date. */
    @Column(name = "result_year", nullable = false)
    public int resultYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ResultKind kind;

    @Column(nullable = false, precision = 4, scale = 1)
    public BigDecimal amount;

    @Column(precision = 4, scale = 1)
    public BigDecimal women;

    @Column(precision = 4, scale = 1)
    public BigDecimal men;

    @Column(name = "company_name", length = 200)
    public String companyName;

    /** Nine digits, or null. */
    @Column(name = "org_number", length = 9)
    public String orgNumber;

    @Column(nullable = false, length = 4000)
    public String evidence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ResultStatus status;

    /** The reason of the last return or withdrawal. */
    @Column(name = "status_reason", length = 2000)
    public String statusReason;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "registered_by", nullable = false)
    public User registeredBy;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "approved_by")
    public User approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "updated_by")
    public User updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public void setDate(LocalDate date) {
        this.date = date;
        this.resultYear = date.getYear();
    }
}
