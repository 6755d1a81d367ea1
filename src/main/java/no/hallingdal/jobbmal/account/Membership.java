package no.hallingdal.jobbmal.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.RolesValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import no.hallingdal.jobbmal.common.CodedEnum;

/**
 * A user's role in one programme: {@code admin}, {@code lead} or {@code board} (docs/rules.md, "Who may do
 * what"). A lead's projects are the projects that name them as lead.
 */
@Entity
@Table(name = "membership")
public class Membership extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    public User user;

    @Column(name = "programme_id", nullable = false)
    public long programmeId;

    /** The role code: admin, lead or board. */
    @RolesValue
    @Column(nullable = false, length = 20)
    public String role;

    public Role roleValue() {
        return CodedEnum.fromCode(Role.class, role).orElseThrow();
    }

    public static Membership of(User user, long programmeId, Role role) {
        Membership m = new Membership();
        m.user = user;
        m.programmeId = programmeId;
        m.role = role.code();
        return m;
    }
}
