package no.hallingdal.jobbmal.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GreenMail, a real SMTP server in the test's process, on a free port that the application's mailer is given
 * ({@code quarkus.mailer.port}). Tests stop and start it to see the outbox retry.
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;
    private static int port;

    @Override
    public Map<String, String> start() {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startServer();
        return Map.of("quarkus.mailer.port", String.valueOf(port), "quarkus.mailer.host", "127.0.0.1");
    }

    @Override
    public void stop() {
        stopServer();
    }

    public static synchronized void startServer() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    public static synchronized void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** The messages received so far addressed to {@code address}. */
    public static synchronized List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** Waits up to {@code seconds} until {@code address} has at least {@code count} messages; returns them. */
    public static List<MimeMessage> await(String address, int count, int seconds) throws InterruptedException {
        long end = System.currentTimeMillis() + seconds * 1000L;
        List<MimeMessage> got = to(address);
        while (got.size() < count && System.currentTimeMillis() < end) {
            Thread.sleep(200);
            got = to(address);
        }
        return got;
    }

    /** The text/plain and text/html parts of a message, by content type. */
    public static Map<String, String> parts(MimeMessage m) throws Exception {
        Map<String, String> parts = new HashMap<>();
        collect(m.getContent(), m.getContentType(), parts);
        return parts;
    }

    private static void collect(Object content, String type, Map<String, String> parts) throws Exception {
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart p = mp.getBodyPart(i);
                collect(p.getContent(), p.getContentType(), parts);
            }
        } else if (content instanceof String s) {
            parts.put(type.toLowerCase().startsWith("text/html") ? "html" : "text", s);
        }
    }
}
