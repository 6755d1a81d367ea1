package no.hallingdal.jobbmal.municipality;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Optional;

/** A municipality (kommune). The code is four digits, kept as text. */
@Entity
@Table(name = "municipality")
public class Municipality extends PanacheEntityBase {

    @Id
    @Column(length = 4)
    public String code;

    @Column(nullable = false, length = 100)
    public String name;

    /** The code used 2020–2023 (Viken); accepted as input, never output. */
    @Column(name = "former_code", length = 4)
    public String formerCode;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    public static List<Municipality> listOrdered() {
        return list("order by sortOrder");
    }

    /** Finds a municipality by its current or its former code. */
    public static Optional<Municipality> findByAnyCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String c = code.trim();
        return find("code = ?1 or formerCode = ?1", c).firstResultOptional();
    }
}
