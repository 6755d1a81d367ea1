package no.hallingdal.jobbmal.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;

/** The annual target (handlingsplan) of new jobs for one year of the programme period. */
@Entity
@Table(name = "annual_target")
public class AnnualTarget extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "programme_id", nullable = false)
    public long programmeId;

    @Column(name = "target_year", nullable = false)
    public int year;

    @Column(nullable = false)
    public int target;

    public static List<AnnualTarget> listForProgramme() {
        return list("programmeId = ?1 order by year", Programme.THE_ID);
    }
}
