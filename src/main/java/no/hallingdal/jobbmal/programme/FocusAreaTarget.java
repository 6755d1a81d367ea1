package no.hallingdal.jobbmal.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;

/** An optional target of new jobs for one focus area over the whole period. */
@Entity
@Table(name = "focus_area_target")
public class FocusAreaTarget extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "programme_id", nullable = false)
    public long programmeId;

    @Column(name = "focus_area_code", nullable = false, length = 40)
    public String focusAreaCode;

    @Column(nullable = false)
    public int target;

    public static List<FocusAreaTarget> listForProgramme() {
        return list("programmeId = ?1", Programme.THE_ID);
    }
}
