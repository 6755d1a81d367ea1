package no.hallingdal.jobbmal.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A period (omstillingsperiode) of a programme: its dates, its goal of new jobs and one annual target per
 * calendar year it touches (handlingsplan), and optional focus-area targets.
 */
@Entity
@Table(name = "period")
public class Period extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "programme_id", nullable = false)
    public Programme programme;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    /** The goal: whole new jobs, more than 0. */
    @Column(nullable = false)
    public int goal;

    @OneToMany(mappedBy = "period", orphanRemoval = true, cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @OrderBy("year")
    public List<AnnualTarget> annualTargets = new ArrayList<>();

    @OneToMany(mappedBy = "period", orphanRemoval = true, cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    public List<FocusAreaTarget> focusAreaTargets = new ArrayList<>();

    /** The calendar years the period touches. */
    public List<Integer> years() {
        return IntStream.rangeClosed(startDate.getYear(), endDate.getYear()).boxed().toList();
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate);
    }

    public PeriodState state(LocalDate today) {
        if (today.isBefore(startDate)) {
            return PeriodState.NOT_STARTED;
        }
        return today.isAfter(endDate) ? PeriodState.ENDED : PeriodState.RUNNING;
    }

    /** The annual target of {@code year}, or 0 when none is set. */
    public int annualTarget(int year) {
        return annualTargets.stream().filter(t -> t.year == year).mapToInt(t -> t.target).findFirst().orElse(0);
    }
}
