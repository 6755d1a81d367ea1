package no.hallingdal.jobbmal.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak for the OpenID Connect tests: the distribution Maven unpacks into target/keycloak
 * (pom.xml), started with {@code kc.sh start-dev} on a free port under Java 21+ (Temurin 25 here), with an
 * in-memory database; set up through its admin REST API.
 */
final class KeycloakServer implements AutoCloseable {

    /** Keycloak needs Java 21+; Jobbmål stays on 17. Another JDK: env KEYCLOAK_JAVA_HOME. */
    static final String JAVA_HOME = System.getenv().getOrDefault("KEYCLOAK_JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64");
    static final String ADMIN = "kc-admin";
    static final String ADMIN_PASSWORD = "kc-admin-password-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    final String base;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String adminToken;

    private KeycloakServer(String base, Process process) {
        this.base = base;
        this.process = process;
    }

    /** The Keycloak home folder, or null. */
    static Path home() {
        String home = System.getProperty("keycloak-test.home");
        return home == null ? null : Path.of(home);
    }

    /** What is missing to run Keycloak and the browser here; empty when everything is. */
    static List<String> missingParts() {
        List<String> missing = new ArrayList<>();
        Path home = home();
        if (home == null || !Files.isExecutable(home.resolve("bin/kc.sh"))) {
            missing.add("the Keycloak distribution (" + home + "; ./mvnw unpacks it into target/keycloak)");
        }
        if (!Files.isExecutable(Path.of(JAVA_HOME, "bin/java"))) {
            missing.add("Java 21+ at " + JAVA_HOME);
        }
        if (!new File("/usr/bin/chromium").canExecute() || !new File("/usr/bin/chromedriver").canExecute()) {
            missing.add("chromium and chromium-driver");
        }
        return missing;
    }

    static KeycloakServer start(Path log) throws IOException, InterruptedException {
        int port = freePort();
        int management = freePort();
        ProcessBuilder pb = new ProcessBuilder(home().resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--http-management-port=" + management, "--db=dev-mem",
                "--http-host=127.0.0.1");
        pb.environment().put("JAVA_HOME", JAVA_HOME);
        pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Files.createDirectories(log.getParent());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        KeycloakServer kc = new KeycloakServer("http://127.0.0.1:" + port, pb.start());
        kc.awaitReady(Duration.ofSeconds(240), log);
        return kc;
    }

    private void awaitReady(Duration timeout, Path log) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited during start; see " + log);
            }
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create(base + "/realms/master")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak not ready within " + timeout + "; see " + log);
    }

    /** The issuer URL of a realm. */
    String issuer(String realm) {
        return base + "/realms/" + realm;
    }

    void createRealm(String realm) throws IOException, InterruptedException {
        post("/admin/realms", Map.of("realm", realm, "enabled", true));
    }

    /** A confidential client for the authorization code flow with PKCE (S256), any redirect address. */
    void createClient(String realm, String clientId, String secret) throws IOException, InterruptedException {
        post("/admin/realms/" + realm + "/clients", Map.of(
                "clientId", clientId, "secret", secret, "enabled", true, "publicClient", false,
                "protocol", "openid-connect", "standardFlowEnabled", true, "directAccessGrantsEnabled", false,
                "redirectUris", List.of("*"),
                "attributes", Map.of("pkce.code.challenge.method", "S256", "post.logout.redirect.uris", "+")));
    }

    void createUser(String realm, String username, String email, boolean emailVerified, String password)
            throws IOException, InterruptedException {
        post("/admin/realms/" + realm + "/users", Map.of(
                "username", username, "email", email, "emailVerified", emailVerified, "enabled", true,
                "firstName", "Keycloak", "lastName", username, "requiredActions", List.of(),
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))));
    }

    private void post(String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private String adminToken() throws IOException, InterruptedException {
        if (adminToken == null) {
            String form = "grant_type=password&client_id=admin-cli&username=" + enc(ADMIN) + "&password=" + enc(ADMIN_PASSWORD);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                    URI.create(base + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Keycloak admin token: " + r.statusCode() + " " + r.body());
            }
            JsonNode json = JSON.readTree(r.body());
            adminToken = json.get("access_token").asText();
        }
        return adminToken;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
