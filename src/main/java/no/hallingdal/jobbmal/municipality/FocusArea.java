package no.hallingdal.jobbmal.municipality;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A focus area (innsatsområde) of one programme; its code is unique within the programme. */
@Entity
@Table(name = "focus_area")
public class FocusArea extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "programme_id", nullable = false)
    public long programmeId;

    @Column(nullable = false, length = 40)
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

    /** The programme's focus areas in their order. */
    public static List<FocusArea> listFor(long programmeId) {
        return list("programmeId = ?1 order by sortOrder, id", programmeId);
    }

    public static Optional<FocusArea> findByCode(long programmeId, String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return find("programmeId = ?1 and code = ?2", programmeId, code.trim()).firstResultOptional();
    }
}
