package no.hallingdal.jobbmal.deadline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A reporting deadline of a programme (a board meeting, the annual report): a date, a title and a note. */
@Entity
@Table(name = "deadline")
public class Deadline extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "programme_id", nullable = false, updatable = false)
    public long programmeId;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 2000)
    public String note;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    /** The programme's deadlines by date. */
    public static List<Deadline> listFor(long programmeId) {
        return list("programmeId = ?1 order by dueDate, id", programmeId);
    }

    /** The programme's first deadline on or after {@code day}. */
    public static Optional<Deadline> nextFor(long programmeId, LocalDate day) {
        return find("programmeId = ?1 and dueDate >= ?2 order by dueDate, id", programmeId, day).firstResultOptional();
    }

    /** The programme's last deadline before {@code day}. */
    public static Optional<Deadline> previousFor(long programmeId, LocalDate day) {
        return find("programmeId = ?1 and dueDate < ?2 order by dueDate desc, id desc", programmeId, day)
                .firstResultOptional();
    }
}
