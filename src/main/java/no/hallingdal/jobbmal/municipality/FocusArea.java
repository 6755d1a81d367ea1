package no.hallingdal.jobbmal.municipality;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A focus area (innsatsområde) of the programme. */
@Entity
@Table(name = "focus_area")
public class FocusArea extends PanacheEntityBase {

    @Id
    @Column(length = 40)
    public String code;

    @Column(name = "name_nb", nullable = false, length = 100)
    public String nameNb;

    @Column(name = "name_en", nullable = false, length = 100)
    public String nameEn;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameNb;
    }

    public static List<FocusArea> listOrdered() {
        return list("order by sortOrder");
    }

    public static Optional<FocusArea> findByCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return findByIdOptional(code.trim());
    }
}
