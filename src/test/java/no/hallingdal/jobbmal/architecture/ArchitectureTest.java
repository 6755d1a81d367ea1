package no.hallingdal.jobbmal.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import jakarta.persistence.Entity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

/**
 * The layers of docs/architecture.md, kept true: resources ({@code *Resource} pages, {@code *Api} JSON) only
 * translate HTTP to a service call and back, and {@code common} serves the features without knowing them.
 */
@AnalyzeClasses(packages = "no.hallingdal.jobbmal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "no.hallingdal.jobbmal";

    /** The page and JSON resources, and the classes nested in them. */
    static final DescribedPredicate<JavaClass> RESOURCES = new DescribedPredicate<>("resources (*Resource, *Api)") {
        @Override
        public boolean test(JavaClass c) {
            JavaClass top = c;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            String name = top.getSimpleName();
            return name.endsWith("Resource") || name.endsWith("Api");
        }
    };

    /** A database query or write through Panache: its methods, or a static (query) method of an entity. */
    static final DescribedPredicate<JavaMethodCall> PANACHE_QUERY = new DescribedPredicate<>(
            "a Panache method or a static method of an entity") {
        @Override
        public boolean test(JavaMethodCall call) {
            JavaClass owner = call.getTarget().getOwner();
            if (owner.getPackageName().startsWith("io.quarkus.hibernate.orm.panache")) {
                return true;
            }
            boolean isStatic = call.getTarget().resolveMember()
                    .map(m -> m.getModifiers().contains(JavaModifier.STATIC)).orElse(false);
            return isStatic && owner.isAnnotatedWith(Entity.class);
        }
    };

    @ArchTest
    static final ArchRule resourcesUseNoDatabase = noClasses().that(RESOURCES)
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                    "java.sql..", "javax.sql..", "io.agroal..", "io.quarkus.narayana..")
            .because("a resource translates HTTP to a service call; queries and transactions live in services");

    @ArchTest
    static final ArchRule resourcesRunNoPanacheQueries = noClasses().that(RESOURCES)
            .should(ArchConditions.callMethodWhere(PANACHE_QUERY))
            .because("a resource translates HTTP to a service call; queries live in services");

    @ArchTest
    static final ArchRule nothingUsesAResource = noClasses().that(DescribedPredicate.not(RESOURCES))
            .should().dependOnClassesThat(RESOURCES)
            .because("resources are the outer layer: services and other features never call them");

    @ArchTest
    static final ArchRule resourcesInjectNoResource = noFields().that().areDeclaredInClassesThat(RESOURCES)
            .should().haveRawType(RESOURCES)
            .because("a page that needs another page's content asks the service behind it, not the resource");

    @ArchTest
    static final ArchRule commonKnowsNoFeature = noClasses().that().resideInAPackage(ROOT + ".common..")
            .should().dependOnClassesThat(new DescribedPredicate<>("are in a feature package") {
                @Override
                public boolean test(JavaClass c) {
                    String p = c.getPackageName();
                    return p.startsWith(ROOT + ".") && !p.startsWith(ROOT + ".common");
                }
            })
            .because("features may use common; common uses no feature (a feature offers common an interface to call)");
}
