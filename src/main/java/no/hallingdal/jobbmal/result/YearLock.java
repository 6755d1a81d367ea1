package no.hallingdal.jobbmal.result;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** A year a programme's admin has locked after the board's review (docs/rules.md, "Year lock"). */
@Entity
@Table(name = "year_lock")
@IdClass(YearLock.Key.class)
public class YearLock extends PanacheEntityBase {

    /** The key: programme and year. */
    public static class Key implements Serializable {
        public long programmeId;
        public int lockYear;

        public Key() {
        }

        Key(long programmeId, int lockYear) {
            this.programmeId = programmeId;
            this.lockYear = lockYear;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.programmeId == programmeId && k.lockYear == lockYear;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(programmeId) * 31 + lockYear;
        }
    }

    @Id
    @Column(name = "programme_id")
    public long programmeId;

    @Id
    @Column(name = "lock_year")
    public int lockYear;

    @Column(nullable = false)
    public boolean locked;

    @Column(name = "locked_by")
    public Long lockedBy;

    @Column(name = "locked_at")
    public Instant lockedAt;

    public static YearLock find(long programmeId, int year) {
        return findById(new Key(programmeId, year));
    }

    public static boolean isLocked(long programmeId, int year) {
        YearLock l = find(programmeId, year);
        return l != null && l.locked;
    }

    public static Set<Integer> lockedYears(long programmeId) {
        return new TreeSet<>(getEntityManager().createQuery(
                "select y.lockYear from YearLock y where y.programmeId = ?1 and y.locked = true", Integer.class)
                .setParameter(1, programmeId).getResultList());
    }
}
