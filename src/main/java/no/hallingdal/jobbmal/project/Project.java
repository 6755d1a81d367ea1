package no.hallingdal.jobbmal.project;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import no.hallingdal.jobbmal.account.User;
import no.hallingdal.jobbmal.municipality.FocusArea;
import no.hallingdal.jobbmal.programme.Programme;
import no.hallingdal.jobbmal.municipality.Municipality;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/** A project of a programme. Never hard-deleted: status {@code stopped} ends it. */
@Entity
@Table(name = "project")
public class Project extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 4000)
    public String description;

    /** The programme the project belongs to; a project never moves. */
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "programme_id", nullable = false, updatable = false)
    public Programme programme;

    /** Primary focus area, one of the programme's; shown wherever the project is. */
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "focus_area_id", nullable = false)
    public FocusArea focusArea;

    @ManyToMany
    @JoinTable(name = "project_municipality",
            joinColumns = @JoinColumn(name = "project_id"),
            inverseJoinColumns = @JoinColumn(name = "municipality_code"))
    @OrderBy("sortOrder")
    public Set<Municipality> municipalities = new LinkedHashSet<>();

    /** The project's leads (users with role {@code lead}). */
    @ManyToMany
    @JoinTable(name = "project_lead",
            joinColumns = @JoinColumn(name = "project_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    @OrderBy("displayName")
    public Set<User> leads = new LinkedHashSet<>();

    /** The organisation that owns the project. */
    @Column(name = "project_owner", nullable = false, length = 200)
    public String projectOwner;

    @Column(nullable = false, length = 20)
    public ProjectPhase phase;

    @Column(nullable = false, length = 20)
    public ProjectStatus status;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    /** The project's own target of new jobs (årsverk). */
    @Column(name = "expected_new_jobs", nullable = false, precision = 7, scale = 1)
    public BigDecimal expectedNewJobs;

    /** Granted funds in NOK, optional. */
    @Column(name = "granted_funds")
    public Long grantedFunds;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isLedBy(Long userId) {
        return userId != null && leads.stream().anyMatch(u -> userId.equals(u.id));
    }
}
