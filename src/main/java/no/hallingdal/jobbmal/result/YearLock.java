package no.hallingdal.jobbmal.result;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** A year the admin has locked after the board's review: its results can no longer be changed (docs/rules.md, "Year lock"). */
@Entity
@Table(name = "year_lock")
public class YearLock extends PanacheEntityBase {

    @Id
    @Column(name = "lock_year")
    public Integer lockYear;

    @Column(nullable = false)
    public boolean locked;

    @Column(name = "locked_by")
    public Long lockedBy;

    @Column(name = "locked_at")
    public Instant lockedAt;

    public static boolean isLocked(int year) {
        YearLock l = findById(year);
        return l != null && l.locked;
    }

    public static Set<Integer> lockedYears() {
        return new TreeSet<>(getEntityManager()
                .createQuery("select y.lockYear from YearLock y where y.locked = true", Integer.class).getResultList());
    }
}
