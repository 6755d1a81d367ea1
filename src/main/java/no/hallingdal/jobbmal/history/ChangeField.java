package no.hallingdal.jobbmal.history;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** The old and new value of one field in a {@link ChangeEvent}. Values are stored as text. */
@Entity
@Immutable
@Table(name = "change_field")
public class ChangeField extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "field_name", nullable = false, length = 50)
    public String fieldName;

    @Column(name = "old_value", length = 4000)
    public String oldValue;

    @Column(name = "new_value", length = 4000)
    public String newValue;

    public ChangeField() {
    }

    public ChangeField(String fieldName, String oldValue, String newValue) {
        this.fieldName = fieldName;
        this.oldValue = oldValue;
        this.newValue = newValue;
    }
}
