package no.hallingdal.jobbmal.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The browser column of Min konto, and the return address after a login. */
class BrowsersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86|Edge 131 · Windows",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36|Chrome 131 · Windows",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15|Safari 17 · macOS",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1|Safari 17 · iOS",
        "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0|Firefox 128 · Linux",
        "curl/8.5.0|curl 8.5.0",
        "some-script|some-script",
    })
    void describesTheBrowser(String userAgent, String expected) {
        assertEquals(expected, Browsers.describe(userAgent));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "%2Fprojects%3Fpage%3D2|/projects?page=2",
        "/results/12|/results/12",
        "//evil.example/x|/",
        "https%3A%2F%2Fevil.example%2F|/",
        "/\\evil.example|/",
        "%2F%0D%0ASet-Cookie:x|/",
        "/login?error=true|/",
        "NULL|/",
    })
    void returnsOnlyToAPathOnThisSite(String cookie, String expected) {
        assertEquals(expected, SessionCookie.safeReturnPath(cookie));
    }
}
