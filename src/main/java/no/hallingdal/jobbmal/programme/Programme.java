package no.hallingdal.jobbmal.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/** The restructuring programme: one row (id 1), editable by an admin. */
@Entity
@Table(name = "programme")
public class Programme extends PanacheEntityBase {

    public static final long THE_ID = 1L;

    @Id
    public Long id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 200)
    public String region;

    @Column(name = "owner_name", nullable = false, length = 200)
    public String owner;

    @Column(nullable = false, length = 200)
    public String county;

    @Column(nullable = false)
    public int goal;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @Version
    public long version;

    /** The calendar years the period touches, in order: the one home of "the programme's years". */
    public List<Integer> years() {
        return IntStream.rangeClosed(startDate.getYear(), endDate.getYear()).boxed().toList();
    }

    public static Programme get() {
        return findById(THE_ID);
    }
}
