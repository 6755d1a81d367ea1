package no.hallingdal.jobbmal.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import no.hallingdal.jobbmal.municipality.FocusArea;

/** An optional target of new jobs for one focus area over a period. */
@Entity
@Table(name = "focus_area_target")
public class FocusAreaTarget extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "period_id", nullable = false)
    public Period period;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "focus_area_id", nullable = false)
    public FocusArea focusArea;

    @Column(nullable = false)
    public int target;
}
