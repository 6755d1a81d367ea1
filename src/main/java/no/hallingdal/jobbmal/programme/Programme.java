package no.hallingdal.jobbmal.programme;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import no.hallingdal.jobbmal.municipality.Municipality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A restructuring programme (omstillingsprogram): its stable code (the URL slug), the county that follows it,
 * its municipalities from the reference list and its periods (docs/rules.md, "Programmes and periods").
 * Never deleted.
 */
@Entity
@Table(name = "programme")
public class Programme extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The stable code, e.g. {@code sats-pa-hallingdal}: lower-case letters, digits and hyphens. */
    @Column(nullable = false, length = 60, unique = true)
    public String code;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 200)
    public String region;

    @Column(name = "owner_name", nullable = false, length = 200)
    public String owner;

    /** The county's number (fylkesnummer), e.g. 33 for Buskerud. */
    @Column(name = "county_code", nullable = false, length = 2)
    public String countyCode;

    @Column(name = "county_name", nullable = false, length = 200)
    public String countyName;

    // A programme is small and read on every page of it: it is loaded whole (by separate selects, not joins),
    // so it can be used after the transaction that loaded it.
    @ManyToMany(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinTable(name = "programme_municipality",
            joinColumns = @JoinColumn(name = "programme_id"),
            inverseJoinColumns = @JoinColumn(name = "municipality_code"))
    @OrderBy("sortOrder")
    public Set<Municipality> municipalities = new LinkedHashSet<>();

    /** The periods in start order; they do not overlap. */
    @OneToMany(mappedBy = "programme", orphanRemoval = true, cascade = jakarta.persistence.CascadeType.ALL,
            fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @OrderBy("startDate")
    public List<Period> periods = new ArrayList<>();

    @Version
    public long version;

    /** The calendar years from the first period's start to the last one's end: the whole programme's years. */
    public List<Integer> years() {
        if (periods.isEmpty()) {
            return List.of();
        }
        return IntStream.rangeClosed(first().getYear(), last().getYear()).boxed().toList();
    }

    /** The first period's start. */
    public LocalDate first() {
        return periods.stream().map(p -> p.startDate).min(LocalDate::compareTo).orElseThrow();
    }

    /** The last period's end. */
    public LocalDate last() {
        return periods.stream().map(p -> p.endDate).max(LocalDate::compareTo).orElseThrow();
    }

    /** The period with this index (its position in start order, from 1). */
    public Optional<Period> period(int index) {
        return index >= 1 && index <= periods.size() ? Optional.of(periods.get(index - 1)) : Optional.empty();
    }

    /** The index of the period (from 1), or 0 when it is not one of this programme's. */
    public int indexOf(Period period) {
        return periods.indexOf(period) + 1;
    }

    /** The period containing {@code date}, if any. */
    public Optional<Period> periodOf(LocalDate date) {
        return periods.stream().filter(p -> p.contains(date)).findFirst();
    }

    /**
     * The period a dashboard opens on: the running one, else the most recently ended, else the next to start
     * (docs/rules.md, "Programmes and periods").
     */
    public Optional<Period> defaultPeriod(LocalDate today) {
        Optional<Period> running = periods.stream().filter(p -> p.state(today) == PeriodState.RUNNING).findFirst();
        if (running.isPresent()) {
            return running;
        }
        Optional<Period> ended = periods.stream().filter(p -> p.state(today) == PeriodState.ENDED)
                .reduce((a, b) -> b);
        return ended.isPresent() ? ended : periods.stream().findFirst();
    }

    public boolean hasMunicipality(String code) {
        return municipalities.stream().anyMatch(m -> m.code.equals(code));
    }

    public static Optional<Programme> findByCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return find("code", code.strip()).firstResultOptional();
    }

    /** Every programme, by name. */
    public static List<Programme> listByName() {
        return list("order by name, id");
    }
}
