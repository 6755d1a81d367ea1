package no.hallingdal.jobbmal.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The test profile of an instance with several programmes: a database of its own ({@link TestDatabase}), where
 * tests add programmes besides the seeded one ({@link Programmes}). Every test class that needs a second programme
 * uses this one profile, so they share one application start; the wave-1 URLs that name no programme answer 400
 * there, which is why these tests cannot run in the default profile's database.
 */
public class SeveralProgrammes implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return TestDatabase.own("several-programmes");
    }
}
