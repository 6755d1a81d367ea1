package no.hallingdal.jobbmal.history;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One recorded change (creation, edit, status change) of a result, the programme or a target: who,
 * when, why, and the old and new value of each changed field. Append-only: never updated or deleted.
 */
@Entity
@Immutable
@Table(name = "change_event")
public class ChangeEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** {@code result}, {@code programme}, {@code annual_target}, {@code focus_area_target}, {@code year_lock}. */
    /** The programme the change belongs to; null for what belongs to none (a user account). */
    @Column(name = "programme_id")
    public Long programmeId;

    @Column(name = "entity_type", nullable = false, length = 30)
    public String entityType;

    @Column(name = "entity_id", nullable = false)
    public long entityId;

    /** What happened, a stable code: created, updated, approved, returned, withdrawn, resubmitted, locked, … */
    @Column(nullable = false, length = 30)
    public String action;

    @Column(name = "changed_by")
    public Long changedBy;

    @Column(name = "changed_by_name", nullable = false, length = 200)
    public String changedByName;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(length = 2000)
    public String reason;

    /** Where the change came from when not a form or the API, e.g. "import: resultater.csv". */
    @Column(length = 300)
    public String source;

    @OneToMany(cascade = CascadeType.PERSIST)
    @JoinColumn(name = "event_id", nullable = false, updatable = false)
    @OrderBy("id")
    public List<ChangeField> fields = new ArrayList<>();

    public static List<ChangeEvent> forEntity(String entityType, long entityId) {
        return list("entityType = ?1 and entityId = ?2 order by changedAt desc, id desc", entityType, entityId);
    }

    public static List<ChangeEvent> forTypes(long programmeId, List<String> entityTypes, int limit) {
        return find("programmeId = ?1 and entityType in ?2 order by changedAt desc, id desc", programmeId, entityTypes)
                .page(0, limit).list();
    }
}
